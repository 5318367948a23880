import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiRequest, ApiResponse } from '../../../src/shared/api';
import { type AppLocation, isAppUrl } from '../../../electron/app-location';
import { ledgerCallChannel } from '../../../electron/ipc-channel';
import {
  registerRendererCalls,
  type RendererCallEvent,
  type RendererTrust,
  toApiRequest,
} from '../../../electron/renderer-calls';

type Handler = (event: RendererCallEvent, payload: unknown) => Promise<ApiResponse>;

// A stand-in for ipcMain: keeps each registered handler so the test can invoke it as a renderer would.
const ipc = vi.hoisted(() => ({ handlers: new Map<string, Handler>() }));
vi.mock('electron', () => ({
  ipcMain: { handle: (channel: string, handler: Handler) => ipc.handlers.set(channel, handler) },
}));

const location: AppLocation = {
  kind: 'file',
  indexHtml: '/opt/Branch Ledger/resources/app.asar/out/renderer/index.html',
};
const appPage = 'file:///opt/Branch%20Ledger/resources/app.asar/out/renderer/index.html#/documents/purchase';
const appWindow = { id: 'the app window' };

const trust: RendererTrust = {
  isAppWebContents: (sender) => sender === appWindow,
  isAppUrl: (url) => isAppUrl(url, location),
};

/** A relay that answers by echoing what it was asked, so a test sees exactly what got through. */
function echoRelay() {
  const received: ApiRequest[] = [];
  return {
    received,
    call: (request: ApiRequest): Promise<ApiResponse> => {
      received.push(request);
      return Promise.resolve({ ok: true, result: { echoed: request.method } });
    },
  };
}

function eventFrom(url: string, overrides: Partial<RendererCallEvent> = {}): RendererCallEvent {
  return { sender: appWindow, senderFrame: { url, parent: null }, ...overrides };
}

function handler(): Handler {
  const registered = ipc.handlers.get(ledgerCallChannel);
  if (registered === undefined) throw new Error(`nothing handles ${ledgerCallChannel}`);
  return registered;
}

let relay: ReturnType<typeof echoRelay>;
beforeEach(() => {
  ipc.handlers.clear();
  relay = echoRelay();
  registerRendererCalls(relay, trust);
});

describe('calls from the renderer', () => {
  it('are relayed from the app’s own page, any route of it', async () => {
    const answer = await handler()(eventFrom(appPage), {
      method: 'goods.list',
      input: { page: 1 },
      session: 's-1',
    });
    expect(answer).toEqual({ ok: true, result: { echoed: 'goods.list' } });
    expect(relay.received).toEqual([{ method: 'goods.list', input: { page: 1 }, session: 's-1' }]);
  });

  it.each([
    ['a foreign web page', 'https://evil.example/steal'],
    ['another file on disk', 'file:///etc/passwd'],
    ['a page beside the app’s own', 'file:///opt/Branch%20Ledger/resources/app.asar/out/renderer/other.html'],
    ['a data URL', 'data:text/html,<script>1</script>'],
  ])('are refused as FORBIDDEN from %s', async (_what, url) => {
    const answer = await handler()(eventFrom(url), { method: 'users.list', input: {}, session: 's-1' });
    expect(answer.ok).toBe(false);
    if (!answer.ok) expect(answer.error.code).toBe('FORBIDDEN');
    expect(relay.received).toEqual([]);
  });

  it('are refused from an iframe, even one showing the app’s page', async () => {
    const event = eventFrom(appPage, { senderFrame: { url: appPage, parent: { url: appPage } } });
    const answer = await handler()(event, { method: 'users.list', input: {}, session: 's-1' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(relay.received).toEqual([]);
  });

  it('are refused from any web contents other than the app’s window', async () => {
    const answer = await handler()(eventFrom(appPage, { sender: { id: 'some other window' } }), {
      method: 'users.list',
      input: {},
    });
    expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('are refused when the frame is already gone', async () => {
    const answer = await handler()(eventFrom(appPage, { senderFrame: null }), {
      method: 'users.list',
      input: {},
    });
    expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it.each([
    ['no object at all', 'goods.list'],
    ['no method', { input: {} }],
    ['a method that is not text', { method: 42, input: {} }],
    ['an empty method', { method: '', input: {} }],
    ['a session that is not text', { method: 'goods.list', input: {}, session: { forged: true } }],
  ])('are refused as malformed with %s', async (_what, payload) => {
    const answer = await handler()(eventFrom(appPage), payload);
    expect(answer.ok).toBe(false);
    if (!answer.ok) {
      expect(answer.error.code).toBe('VALIDATION');
      expect(answer.error.message).toContain('请求格式不正确');
    }
    expect(relay.received).toEqual([]);
  });

  it('carry only the method, input and session onward, whatever else the page adds', () => {
    expect(toApiRequest({ method: 'settings.get', input: {}, asHost: true, actor: 'admin' })).toEqual({
      method: 'settings.get',
      input: {},
      session: null,
    });
  });
});

import { ipcMain } from 'electron';
import type { ApiRequest, ApiResponse } from '../src/shared/api';
import { ledgerCallChannel } from './ipc-channel';

/** The part of an IPC event the sender check reads (Electron's IpcMainInvokeEvent has it all). */
export interface RendererCallEvent {
  readonly sender: object;
  readonly senderFrame: { readonly url: string; readonly parent: unknown } | null;
}

/** How main recognises its own window and page. */
export interface RendererTrust {
  isAppWebContents(sender: object): boolean;
  isAppUrl(url: string): boolean;
}

export interface RendererCallRelay {
  call(request: ApiRequest): Promise<ApiResponse>;
}

const maxMethodNameLength = 100;

const foreignSender: ApiResponse = {
  ok: false,
  error: { code: 'FORBIDDEN', message: '请求不是来自分支账簿自己的页面，已拒绝。' },
};

const malformedRequest: ApiResponse = {
  ok: false,
  error: {
    code: 'VALIDATION',
    message: '请求格式不正确：须包含操作名称（method），会话（session）须为文本或空。',
  },
};

/**
 * The request rebuilt from only the fields the engine reads, or null when its shape is wrong. The
 * renderer is untrusted: the engine validates the input itself, this checks the envelope.
 */
export function toApiRequest(value: unknown): ApiRequest | null {
  if (typeof value !== 'object' || value === null) return null;
  const { method, input, session } = value as Record<string, unknown>;
  if (typeof method !== 'string' || method === '' || method.length > maxMethodNameLength) return null;
  if (session !== undefined && session !== null && typeof session !== 'string') return null;
  return { method, input, session: session ?? null };
}

/**
 * Only the top frame of the app's own window, showing the app's own page, may call the engine: an
 * iframe, a page navigated elsewhere or any other web contents is refused.
 */
export function isTrustedSender(event: RendererCallEvent, trust: RendererTrust): boolean {
  const frame = event.senderFrame;
  return (
    frame !== null &&
    frame.parent === null &&
    trust.isAppWebContents(event.sender) &&
    trust.isAppUrl(frame.url)
  );
}

export function answerRendererCall(
  relay: RendererCallRelay,
  trust: RendererTrust,
  event: RendererCallEvent,
  payload: unknown,
): Promise<ApiResponse> {
  if (!isTrustedSender(event, trust)) return Promise.resolve(foreignSender);
  const request = toApiRequest(payload);
  if (request === null) return Promise.resolve(malformedRequest);
  return relay.call(request);
}

/** Opens the one IPC door: `window.ledger.call` in the renderer arrives here. */
export function registerRendererCalls(relay: RendererCallRelay, trust: RendererTrust): void {
  ipcMain.handle(ledgerCallChannel, (event, payload: unknown) =>
    answerRendererCall(relay, trust, event, payload),
  );
}

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiResponse } from '../../../src/shared/api';
import {
  decodeEngineConfig,
  engineConfigVariable,
  type EngineProcessConfig,
} from '../../../electron/engine-config';
import type { MainToEngineMessage } from '../../../electron/engine-protocol';
import { EngineRelay, shutdownGraceMs } from '../../../electron/engine-relay';
import { ledgerCallChannel } from '../../../electron/ipc-channel';
import { registerRendererCalls, type RendererCallEvent } from '../../../electron/renderer-calls';

// A stand-in for Electron's utilityProcess: each fork is a fake engine process the test drives by hand.
const electron = await vi.hoisted(async () => {
  const { EventEmitter } = await import('node:events');
  class FakeEngineProcess extends EventEmitter {
    readonly received: MainToEngineMessage[] = [];
    killed = false;
    constructor(
      readonly modulePath: string,
      readonly options: { serviceName?: string; env?: Record<string, string | undefined> },
    ) {
      super();
    }
    postMessage(message: MainToEngineMessage): void {
      this.received.push(structuredClone(message));
    }
    kill(): boolean {
      this.killed = true;
      this.emit('exit', 15);
      return true;
    }
    calls(): Extract<MainToEngineMessage, { type: 'call' }>[] {
      return this.received.filter((message) => message.type === 'call');
    }
    answer(id: number, response: ApiResponse): void {
      this.emit('message', { type: 'answer', id, response });
    }
  }
  return {
    FakeEngineProcess,
    forked: [] as InstanceType<typeof FakeEngineProcess>[],
    ipcHandlers: new Map<string, (event: RendererCallEvent, payload: unknown) => Promise<ApiResponse>>(),
  };
});

vi.mock('electron', () => ({
  utilityProcess: {
    fork: (
      modulePath: string,
      _args: string[],
      options: ConstructorParameters<typeof electron.FakeEngineProcess>[1],
    ) => {
      const child = new electron.FakeEngineProcess(modulePath, options);
      electron.forked.push(child);
      return child;
    },
  },
  ipcMain: {
    handle: (
      channel: string,
      handler: (event: RendererCallEvent, payload: unknown) => Promise<ApiResponse>,
    ) => electron.ipcHandlers.set(channel, handler),
  },
}));

const config: EngineProcessConfig = {
  databasePath: 'C:\\Users\\出纳\\AppData\\Roaming\\Branch Ledger\\ledger.db',
  migrationsFolder: 'C:\\Program Files\\Branch Ledger\\resources\\migrations',
  appVersion: '0.1.0',
};

function newRelay(onFatal = vi.fn()) {
  const log = vi.fn();
  const relay = new EngineRelay({ entryPath: '/app/out/main/engine-process.js', config, onFatal, log });
  return { relay, onFatal, log };
}

function lastEngine() {
  const engine = electron.forked.at(-1);
  if (engine === undefined) throw new Error('no engine process was started');
  return engine;
}

/** Lets the relay's promise callbacks run. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

beforeEach(() => {
  electron.forked.length = 0;
});

describe('the engine relay', () => {
  it('starts the engine process with its configuration intact, Windows paths and Chinese names included', () => {
    const { relay } = newRelay();
    relay.start();
    const engine = lastEngine();
    expect(engine.modulePath).toBe('/app/out/main/engine-process.js');
    expect(engine.options.serviceName).toBe('Branch Ledger engine');
    expect(decodeEngineConfig(engine.options.env?.[engineConfigVariable])).toEqual(config);
  });

  it('answers concurrent calls each to its own caller, whatever order the engine answers in', async () => {
    const { relay } = newRelay();
    const stock = relay.call({ method: 'stock.balance', input: { warehouse: 1 }, session: 's-1' });
    const goods = relay.call({ method: 'goods.list', input: {}, session: 's-1' });
    const settings = relay.callAsHost('settings.get', {});
    const engine = lastEngine();
    const [stockCall, goodsCall, settingsCall] = engine.calls();
    expect(new Set([stockCall?.id, goodsCall?.id, settingsCall?.id]).size).toBe(3);

    engine.answer(settingsCall!.id, { ok: true, result: { updateFeedUrl: 'https://updates.example.cn/' } });
    engine.answer(goodsCall!.id, { ok: true, result: [{ name: '可口可乐 330ml' }] });
    engine.answer(stockCall!.id, { ok: true, result: { quantity: 120 } });

    await expect(stock).resolves.toEqual({ ok: true, result: { quantity: 120 } });
    await expect(goods).resolves.toEqual({ ok: true, result: [{ name: '可口可乐 330ml' }] });
    await expect(settings).resolves.toEqual({
      ok: true,
      result: { updateFeedUrl: 'https://updates.example.cn/' },
    });
    expect(electron.forked).toHaveLength(1);
  });

  it('marks only the host’s own calls as host calls', () => {
    const { relay } = newRelay();
    void relay.call({ method: 'settings.get', input: {}, session: 's-1' });
    void relay.callAsHost('settings.get', {});
    expect(
      lastEngine()
        .calls()
        .map((call) => call.asHost),
    ).toEqual([false, true]);
  });

  it('never lets a renderer turn its call into a host call', async () => {
    const { relay } = newRelay();
    const appWindow = {};
    registerRendererCalls(relay, {
      isAppWebContents: (sender) => sender === appWindow,
      isAppUrl: () => true,
    });
    const handle = electron.ipcHandlers.get(ledgerCallChannel)!;
    const event = { sender: appWindow, senderFrame: { url: 'file:///app/index.html', parent: null } };

    const answer = handle(event, { method: 'settings.update', input: { updateFeedUrl: '' }, asHost: true });
    const engine = lastEngine();
    const [call] = engine.calls();
    expect(call).toMatchObject({ asHost: false, request: { method: 'settings.update', session: null } });
    expect(call?.request).not.toHaveProperty('asHost');
    engine.answer(call!.id, {
      ok: false,
      error: { code: 'UNAUTHENTICATED', message: '登录已失效，请重新登录。' },
    });
    await expect(answer).resolves.toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('answers every call in flight with a Chinese INTERNAL error when the engine dies, and restarts it on the next call', async () => {
    const { relay, log } = newRelay();
    const first = relay.call({ method: 'masterData.import', input: {}, session: 's-1' });
    const second = relay.call({ method: 'stock.balance', input: {}, session: 's-1' });
    const crashed = lastEngine();
    crashed.emit('exit', 3221225477);

    for (const answer of [await first, await second]) {
      expect(answer.ok).toBe(false);
      if (answer.ok) continue;
      expect(answer.error.code).toBe('INTERNAL');
      expect(answer.error.message).toContain('数据引擎意外退出');
    }
    expect(log).toHaveBeenCalledWith(expect.stringContaining('数据引擎意外退出'));

    const retry = relay.call({ method: 'stock.balance', input: {}, session: 's-1' });
    expect(electron.forked).toHaveLength(2);
    const restarted = lastEngine();
    expect(restarted).not.toBe(crashed);
    restarted.answer(restarted.calls()[0]!.id, { ok: true, result: { quantity: 5 } });
    await expect(retry).resolves.toEqual({ ok: true, result: { quantity: 5 } });
  });

  it('ignores a late answer from a dead engine instead of answering a caller twice', async () => {
    const { relay } = newRelay();
    const call = relay.call({ method: 'goods.list', input: {}, session: null });
    const engine = lastEngine();
    const id = engine.calls()[0]!.id;
    engine.emit('exit', 1);
    engine.answer(id, { ok: true, result: 'too late' });
    const answer = await call;
    expect(answer.ok).toBe(false);
  });

  it('hands a database the engine cannot open to main, with the engine’s own explanation', () => {
    const { relay, onFatal } = newRelay();
    relay.start();
    const error = { code: 'SCHEMA_TOO_NEW', message: '此数据库由较新版本的分支账簿写入。' };
    lastEngine().emit('message', { type: 'fatal', error });
    expect(onFatal).toHaveBeenCalledWith(error);
  });

  it('logs and drops a message it does not understand', async () => {
    const { relay, log } = newRelay();
    const call = relay.call({ method: 'goods.list', input: {}, session: null });
    const engine = lastEngine();
    engine.emit('message', { type: 'answer', id: engine.calls()[0]!.id, response: 'not a response' });
    expect(log).toHaveBeenCalledWith(expect.stringContaining('无法识别'));
    engine.answer(engine.calls()[0]!.id, { ok: true, result: 1 });
    await expect(call).resolves.toEqual({ ok: true, result: 1 });
  });

  describe('when the app quits', () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    it('asks the engine to close the database and waits for it to exit', async () => {
      const { relay } = newRelay();
      relay.start();
      const engine = lastEngine();
      let stopped = false;
      const stopping = relay.stop().then(() => {
        stopped = true;
      });
      expect(engine.received.at(-1)).toEqual({ type: 'shutdown' });
      await settle();
      expect(stopped).toBe(false);
      engine.emit('exit', 0);
      await stopping;
      expect(engine.killed).toBe(false);
    });

    it('kills an engine that does not exit in time', async () => {
      vi.useFakeTimers();
      const { relay } = newRelay();
      relay.start();
      const stopping = relay.stop();
      await vi.advanceTimersByTimeAsync(shutdownGraceMs);
      await stopping;
      expect(lastEngine().killed).toBe(true);
    });

    it('refuses new calls once quitting, without starting the engine again', async () => {
      const { relay } = newRelay();
      relay.start();
      const stopping = relay.stop();
      lastEngine().emit('exit', 0);
      await stopping;
      const answer = await relay.call({ method: 'goods.list', input: {}, session: null });
      expect(answer).toEqual({
        ok: false,
        error: { code: 'INTERNAL', message: '分支账簿正在退出，操作未执行。' },
      });
      expect(electron.forked).toHaveLength(1);
    });
  });
});

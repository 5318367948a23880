import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApiRequest, ApiResponse } from '../../../src/shared/api';
import { hostActor, LedgerError, openEngine, type Engine, sourceMigrationsFolder } from '../../../src/engine';
import type { Actor } from '../../../src/engine/services/context';
import {
  type CallableEngine,
  createEngineMessageHandler,
  describeStartupFailure,
  unavailableEngine,
} from '../../../electron/engine-message-handler';
import type { EngineToMainMessage } from '../../../electron/engine-protocol';

const folders: string[] = [];
const engines: Engine[] = [];

function temporaryFolder(): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'branch-ledger-engine-process-'));
  folders.push(folder);
  return folder;
}

afterEach(() => {
  for (const engine of engines.splice(0)) engine.close();
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});

/** An engine that records how it was called and answers with who asked. */
function recordingEngine() {
  const calls: { via: 'call' | 'callAs'; actor?: Actor; request: ApiRequest }[] = [];
  const engine: CallableEngine = {
    call: (request) => {
      calls.push({ via: 'call', request });
      return Promise.resolve({ ok: true, result: `session ${request.session ?? 'none'}` });
    },
    callAs: (actor, method, input) => {
      calls.push({ via: 'callAs', actor, request: { method, input } });
      return Promise.resolve({ ok: true, result: `actor ${actor.username}` });
    },
  };
  return { engine, calls };
}

function handlerFor(engine: CallableEngine) {
  const posted: EngineToMainMessage[] = [];
  const shutdown = vi.fn();
  const log = vi.fn();
  const handle = createEngineMessageHandler({
    engine,
    post: (message) => posted.push(message),
    shutdown,
    log,
  });
  return { handle, posted, shutdown, log };
}

describe('the engine process’s message handler', () => {
  it('runs the host’s calls as the host actor and the renderer’s by their session, answering each with its id', async () => {
    const { engine, calls } = recordingEngine();
    const { handle, posted } = handlerFor(engine);
    await handle({ type: 'call', id: 7, request: { method: 'settings.get', input: {} }, asHost: true });
    await handle({
      type: 'call',
      id: 8,
      request: { method: 'goods.list', input: { page: 2 }, session: 's-9' },
      asHost: false,
    });

    expect(calls).toEqual([
      { via: 'callAs', actor: hostActor, request: { method: 'settings.get', input: {} } },
      { via: 'call', request: { method: 'goods.list', input: { page: 2 }, session: 's-9' } },
    ]);
    expect(posted).toEqual([
      { type: 'answer', id: 7, response: { ok: true, result: 'actor desktop' } },
      { type: 'answer', id: 8, response: { ok: true, result: 'session s-9' } },
    ]);
  });

  it('still answers, with an INTERNAL error, when the engine throws', async () => {
    const engine: CallableEngine = {
      call: () => Promise.reject(new Error('disk I/O error')),
      callAs: () => Promise.reject(new Error('disk I/O error')),
    };
    const { handle, posted } = handlerFor(engine);
    await handle({ type: 'call', id: 3, request: { method: 'goods.list', input: {} }, asHost: false });
    expect(posted).toEqual([
      {
        type: 'answer',
        id: 3,
        response: { ok: false, error: { code: 'INTERNAL', message: '数据引擎内部错误：disk I/O error' } },
      },
    ]);
  });

  it('shuts down on request without answering', async () => {
    const { engine } = recordingEngine();
    const { handle, posted, shutdown } = handlerFor(engine);
    await handle({ type: 'shutdown' });
    expect(shutdown).toHaveBeenCalledTimes(1);
    expect(posted).toEqual([]);
  });

  it('ignores and logs a message that is not a call', async () => {
    const { engine, calls } = recordingEngine();
    const { handle, posted, log } = handlerFor(engine);
    await handle({ id: 1, request: { input: {} } });
    await handle('goods.list');
    expect(calls).toEqual([]);
    expect(posted).toEqual([]);
    expect(log).toHaveBeenCalledTimes(2);
  });

  it('against a real database: the host reads the settings, a caller without a session is turned away', async () => {
    const folder = temporaryFolder();
    const engine = await openEngine({
      databasePath: path.join(folder, 'ledger.db'),
      migrationsFolder: sourceMigrationsFolder,
      appVersion: '0.1.0',
    });
    engines.push(engine);
    const { handle, posted } = handlerFor(engine);

    await handle({ type: 'call', id: 1, request: { method: 'settings.get', input: {} }, asHost: true });
    await handle({
      type: 'call',
      id: 2,
      request: { method: 'settings.get', input: {}, session: null },
      asHost: false,
    });

    expect(posted[0]).toMatchObject({
      type: 'answer',
      id: 1,
      response: { ok: true, result: { updateFeedUrl: '' } },
    });
    expect(posted[1]).toMatchObject({
      type: 'answer',
      id: 2,
      response: { ok: false, error: { code: 'UNAUTHENTICATED' } },
    });
  });
});

describe('an engine that cannot open its database', () => {
  it('explains a file that is not a ledger in the engine’s own words', async () => {
    const folder = temporaryFolder();
    const databasePath = path.join(folder, 'ledger.db');
    const other = new Database(databasePath);
    other.exec('CREATE TABLE recipes (name TEXT)');
    other.close();

    const failure = await openEngine({
      databasePath,
      migrationsFolder: sourceMigrationsFolder,
      appVersion: '0.1.0',
    }).then(
      () => null,
      (error: unknown) => describeStartupFailure(error),
    );
    expect(failure?.code).toBe('NOT_A_LEDGER');
    expect(failure?.message).toContain('不是分支账簿的数据库');
  });

  it('keeps the code and message of a ledger error and wraps anything else as INTERNAL', () => {
    expect(describeStartupFailure(new LedgerError('SCHEMA_TOO_NEW', '请先升级分支账簿再打开。'))).toEqual({
      code: 'SCHEMA_TOO_NEW',
      message: '请先升级分支账簿再打开。',
    });
    expect(describeStartupFailure(new Error('EACCES: permission denied'))).toEqual({
      code: 'INTERNAL',
      message: '数据引擎无法启动：EACCES: permission denied',
    });
  });

  it('answers every call still coming with the same explanation', async () => {
    const error = { code: 'SCHEMA_TOO_NEW' as const, message: '请先升级分支账簿再打开。' };
    const { handle, posted } = handlerFor(unavailableEngine(error));
    await handle({ type: 'call', id: 4, request: { method: 'goods.list', input: {} }, asHost: false });
    await handle({ type: 'call', id: 5, request: { method: 'settings.get', input: {} }, asHost: true });
    const expected: ApiResponse = { ok: false, error };
    expect(posted).toEqual([
      { type: 'answer', id: 4, response: expected },
      { type: 'answer', id: 5, response: expected },
    ]);
  });
});

import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { onTestFinished, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/engine';
import type { ApiInput } from '../../src/shared/api';
import {
  administrator,
  callFailing,
  callOk,
  openLedger,
  setUpBeijing,
  signIn,
  tempFolder,
} from './support/ledger';

/*
 * Another program (a second copy of the app, a backup tool) holds the ledger file's write lock. A call
 * that writes waits for it up to the engine's busy timeout; past that the clerk reads that another
 * program is writing and to try again (code BUSY), never a program error in SQLite's English.
 */

const holder = path.join(import.meta.dirname, 'support', 'hold-write-lock.ts');
const tsx = path.join(projectRoot, 'node_modules', '.bin', 'tsx');
const busyMessage = '另一个程序正在写入账簿，请稍后重试。';

const cola: ApiInput<'goods.save'>['goods'] = {
  code: '10010043',
  name: '可乐',
  spec: '330ml×24罐',
  units: [
    { name: '罐', ratio: '1', isBase: true, barcode: '6921030007866' },
    { name: '箱', ratio: '24', isBase: false, barcode: '6921090007868' },
  ],
};

/** Starts the other program and resolves once it holds the write lock; `released` settles when it lets go. */
async function holdWriteLock(databasePath: string, holdMs: number): Promise<{ released: Promise<unknown> }> {
  const child: ChildProcess = spawn(tsx, [holder, databasePath, String(holdMs)], {
    cwd: projectRoot,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  onTestFinished(() => {
    if (child.exitCode === null) child.kill();
  });
  const released = once(child, 'exit');
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('locked')) resolve();
    });
    child.on('exit', (code) => reject(new Error(`the lock holder exited (${code}) before taking the lock`)));
  });
  return { released };
}

async function ledgerWithBusyTimeout(busyTimeoutMs: number) {
  const databasePath = path.join(tempFolder(), 'ledger.db');
  const engine = await openLedger(databasePath, { busyTimeoutMs });
  await setUpBeijing(engine);
  return { engine, databasePath, adminSession: await signIn(engine) };
}

describe('another program holding the write lock', () => {
  it('longer than the busy timeout: goods.save and auth.login answer BUSY, and succeed once it lets go', async () => {
    const { engine, databasePath, adminSession } = await ledgerWithBusyTimeout(300);
    const lock = await holdWriteLock(databasePath, 4_000);

    expect(await callFailing(engine, 'goods.save', { id: null, goods: cola }, adminSession)).toEqual({
      code: 'BUSY',
      message: busyMessage,
    });
    const credentials = { username: administrator.username, password: administrator.password };
    expect(await callFailing(engine, 'auth.login', credentials)).toEqual({
      code: 'BUSY',
      message: busyMessage,
    });

    await lock.released;
    expect((await callOk(engine, 'goods.save', { id: null, goods: cola }, adminSession)).code).toBe(
      '10010043',
    );
    expect((await callOk(engine, 'auth.login', credentials)).user.username).toBe(administrator.username);
  }, 30_000);

  it('shorter than the busy timeout: the call waits for it and succeeds', async () => {
    const { engine, databasePath, adminSession } = await ledgerWithBusyTimeout(5_000);
    await holdWriteLock(databasePath, 1_000);

    const started = Date.now();
    expect((await callOk(engine, 'goods.save', { id: null, goods: cola }, adminSession)).code).toBe(
      '10010043',
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(200);
    const credentials = { username: administrator.username, password: administrator.password };
    expect((await callOk(engine, 'auth.login', credentials)).user.username).toBe(administrator.username);
  }, 30_000);
});

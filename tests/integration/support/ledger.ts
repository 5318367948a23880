import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { onTestFinished } from 'vitest';
import { openEngine, sourceAppVersion, sourceMigrationsFolder, type Engine } from '../../../src/engine';
import { dateInZone, timeInZone } from '../../../src/engine/domain/calendar/calendar';
import type { ScryptCost } from '../../../src/engine/services/auth/password';
import type { ImportPacing } from '../../../src/engine/services/import/import-runs';
import type { Clock } from '../../../src/engine/services/context';
import type { ApiInput, ApiMethod, ApiOutput } from '../../../src/shared/api';
import type { ApiError } from '../../../src/shared/errors';

/**
 * A clock the test moves by hand, so a 15-minute lockout takes no time to run out. Its calendar day is
 * the machine's zone's unless the test names a zone (a branch in Beijing on a UTC machine).
 */
export class ManualClock implements Clock {
  private current: number;

  constructor(
    start = '2026-03-02T01:30:00.000Z',
    private readonly timeZone?: string,
  ) {
    this.current = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  today(): string {
    return dateInZone(this.now(), this.timeZone);
  }

  localTime(moment: Date): string {
    return timeInZone(moment, this.timeZone);
  }

  advance(milliseconds: number): void {
    this.current += milliseconds;
  }
}

/**
 * The scrypt cost test ledgers hash at: far below OWASP's (the engine's default), so the hundreds of
 * logins a run makes take no time. The default itself is tested in login.test.ts.
 */
export const testPasswordCost: ScryptCost = { N: 2 ** 10, r: 8, p: 1 };

/** Where test calls come from, as a transport would say (login throttles per source). */
export const testSource = { source: 'test' };

/** A fresh folder in the system's temp folder, removed when the current test ends. */
export function tempFolder(): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'branch-ledger-test-'));
  onTestFinished(() => fs.rmSync(folder, { recursive: true, force: true }));
  return folder;
}

/** Opens a real branch database file the way the hosts do; closed when the current test ends. */
export async function openLedger(
  databasePath: string,
  options: {
    clock?: ManualClock;
    backupDir?: string;
    migrationsFolder?: string;
    busyTimeoutMs?: number;
    passwordCost?: ScryptCost;
    importPacing?: Partial<ImportPacing>;
  } = {},
): Promise<Engine> {
  const engine = await openEngine({
    databasePath,
    migrationsFolder: options.migrationsFolder ?? sourceMigrationsFolder,
    appVersion: sourceAppVersion(),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.backupDir ? { backupDir: options.backupDir } : {}),
    ...(options.busyTimeoutMs !== undefined ? { busyTimeoutMs: options.busyTimeoutMs } : {}),
    passwordCost: options.passwordCost ?? testPasswordCost,
    ...(options.importPacing ? { importPacing: options.importPacing } : {}),
  });
  onTestFinished(() => engine.close());
  return engine;
}

export interface TestLedger {
  folder: string;
  databasePath: string;
  clock: ManualClock;
  engine: Engine;
}

/** A new, empty ledger file in its own temp folder, with a hand-moved clock (at `clockStart` if given). */
export async function newLedger(clockStart?: string): Promise<TestLedger> {
  const folder = tempFolder();
  const databasePath = path.join(folder, 'ledger.db');
  const clock = new ManualClock(clockStart);
  const engine = await openLedger(databasePath, { clock });
  return { folder, databasePath, clock, engine };
}

/**
 * A new, empty ledger like `newLedger`, for tests that open hundreds of them in one test (property tests):
 * the caller disposes of it (closed, its folder removed) as soon as it is done, in a `finally`.
 */
export async function disposableLedger(clockStart?: string): Promise<TestLedger & { dispose(): void }> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'branch-ledger-test-'));
  const databasePath = path.join(folder, 'ledger.db');
  const clock = new ManualClock(clockStart);
  const dispose = () => fs.rmSync(folder, { recursive: true, force: true });
  try {
    const engine = await openEngine({
      databasePath,
      migrationsFolder: sourceMigrationsFolder,
      appVersion: sourceAppVersion(),
      clock,
      passwordCost: testPasswordCost,
    });
    return {
      folder,
      databasePath,
      clock,
      engine,
      dispose: () => {
        engine.close();
        dispose();
      },
    };
  } catch (error) {
    dispose();
    throw error;
  }
}

export const beijingBranch = {
  code: 'BJ01',
  name: '北京分公司',
  accountingMode: 'independent',
  costingScope: 'per_warehouse',
  defaultCostingMethod: 'moving_average',
  taxpayerType: 'general',
} satisfies ApiInput<'setup.createBranch'>['profile'];

export const administrator = {
  username: 'admin',
  displayName: '张经理',
  password: 'Ledger-2026!',
  passwordConfirm: 'Ledger-2026!',
} satisfies ApiInput<'setup.createBranch'>['administrator'];

/** Calls a method that must succeed and returns its typed result; `source` as a transport gives it. */
export async function callOk<M extends ApiMethod>(
  engine: Engine,
  method: M,
  input: ApiInput<M>,
  session: string | null = null,
  source = testSource.source,
): Promise<ApiOutput<M>> {
  const response = await engine.call({ method, input, session }, { source });
  if (!response.ok) {
    throw new Error(`${method} failed: ${response.error.code} ${response.error.message}`);
  }
  return response.result as ApiOutput<M>;
}

/** Calls a method (any name, any input) that must fail and returns the error the caller sees. */
export async function callFailing(
  engine: Engine,
  method: string,
  input: unknown,
  session: string | null = null,
  source = testSource.source,
): Promise<ApiError> {
  const response = await engine.call({ method, input, session }, { source });
  if (response.ok) {
    throw new Error(`${method} unexpectedly succeeded with ${JSON.stringify(response.result)}`);
  }
  return response.error;
}

/** First-run setup of 北京分公司 (BJ01) with administrator `admin`. */
export async function setUpBeijing(engine: Engine): Promise<void> {
  await callOk(engine, 'setup.createBranch', { profile: beijingBranch, administrator });
}

export async function signIn(
  engine: Engine,
  username = administrator.username,
  password = administrator.password,
  source = testSource.source,
): Promise<string> {
  return (await callOk(engine, 'auth.login', { username, password }, null, source)).session;
}

/** A new ledger set up as 北京分公司 with its administrator signed in. */
export async function beijingLedger(): Promise<TestLedger & { adminSession: string }> {
  const ledger = await newLedger();
  await setUpBeijing(ledger.engine);
  return { ...ledger, adminSession: await signIn(ledger.engine) };
}

/** How many migrations the project ships, read from drizzle-kit's journal (not from the engine). */
export function shippedMigrations(): { idx: number; tag: string }[] {
  const journal = JSON.parse(
    fs.readFileSync(path.join(sourceMigrationsFolder, 'meta', '_journal.json'), 'utf8'),
  ) as {
    entries: { idx: number; tag: string }[];
  };
  return journal.entries;
}

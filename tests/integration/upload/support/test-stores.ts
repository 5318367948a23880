import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterAll, onTestFinished } from 'vitest';
import type { HqStore } from '../../../../src/hq/store/hq-store';
import { openPgStore } from '../../../../src/hq/store/pg-store';
import { openSqliteStore } from '../../../../src/hq/store/sqlite-store';
import { tempFolder } from '../../support/ledger';
import { startPgCluster, type PgCluster } from '../../support/pg-cluster';

export type StoreKind = 'sqlite' | 'pg';
export const storeKinds: StoreKind[] = ['sqlite', 'pg'];

const run = promisify(execFile);

/** One throw-away PostgreSQL cluster per test file, started when a test first asks for it. */
let cluster: Promise<PgCluster> | null = null;
afterAll(async () => {
  await (await cluster)?.stop();
});

/** Where each store opened here lives, to copy it as a backup would. */
const locations = new WeakMap<HqStore, string>();

/** A fresh, empty head-office store of `kind`, closed when the test ends. */
export async function openTestStore(kind: StoreKind): Promise<HqStore> {
  let location: string;
  if (kind === 'pg') {
    cluster ??= startPgCluster();
    location = await (await cluster).createDatabase();
  } else location = path.join(tempFolder(), 'hq.db');
  const store = kind === 'pg' ? await openPgStore(location) : await openSqliteStore(location);
  locations.set(store, location);
  onTestFinished(() => store.close());
  return store;
}

/**
 * A copy of a store as it stands now — the backup head office will later be restored from — opened as
 * a store of its own: SQLite's online backup, or pg_dump into a new database.
 */
export async function copyTestStore(kind: StoreKind, store: HqStore): Promise<HqStore> {
  const from = locations.get(store)!;
  let location: string;
  if (kind === 'pg') {
    location = await (await cluster!).createDatabase();
    const { stdout } = await run('/usr/lib/postgresql/15/bin/pg_dump', ['--no-owner', from], {
      maxBuffer: 256 * 1024 * 1024,
    });
    const restore = execFile('/usr/bin/psql', ['-q', '-v', 'ON_ERROR_STOP=1', location]);
    restore.stdin!.end(stdout);
    await new Promise<void>((resolve, reject) =>
      restore.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`psql exited ${code}`)))),
    );
  } else {
    location = path.join(tempFolder(), 'hq-backup.db');
    const source = new Database(from, { readonly: true });
    try {
      await source.backup(location);
    } finally {
      source.close();
    }
  }
  const copy = kind === 'pg' ? await openPgStore(location) : await openSqliteStore(location);
  locations.set(copy, location);
  onTestFinished(() => copy.close());
  return copy;
}

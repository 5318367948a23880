import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { cliActor, type Engine } from '../../../src/engine';
import { zonedClock, type ServiceContext } from '../../../src/engine/services/context';
import { buildPackages, type BuiltPackage } from '../../../src/engine/services/upload/build-package';
import { packageBody } from '../../../src/engine/services/upload/outbox-list';
import { benchCacheFolder, openDemoLedger, type BenchLedger } from './demo-ledger';

/**
 * A bench ledger that has already uploaded its snapshot: a copy of the ledger (in the bench cache) in
 * which the first package of epoch 1 — every month from the first business day to the last, all master
 * data — was built and marked acknowledged, as after a branch's first upload. Made once and reused
 * (delete it to make it anew, as after changing the ledger); what a bench builds in it afterwards it
 * builds inside a transaction it rolls back.
 */

export const benchAppVersion = '0.1.0-bench';

/**
 * The context packages are built in: the CLI's actor, and a clock standing at noon (Beijing) of the
 * ledger's last business day — the demo's end date — so its last month is the current one.
 */
export function benchContext(engine: Engine): ServiceContext {
  const { last } = engine.db.$client
    .prepare("SELECT max(business_date) AS last FROM documents WHERE status = 'completed'")
    .get() as { last: string | null };
  if (last === null) throw new Error('the bench ledger has no completed document');
  const clock = zonedClock(() => new Date(`${last}T12:00:00+08:00`), 'Asia/Shanghai');
  return { db: engine.db, actor: cliActor, clock };
}

export interface UploadedLedger {
  file: string;
  /** The snapshot as it sits in the outbox (acknowledged): the body head office must hold first. */
  snapshot: BuiltPackage & { body: Buffer };
}

function snapshotOf(sqlite: Database.Database): UploadedLedger['snapshot'] {
  const row = sqlite
    .prepare(
      'SELECT package_id AS packageId, epoch, seq, sha256, bytes, periods, section_rows AS sectionRows ' +
        'FROM upload_outbox WHERE epoch = 1 AND seq = 1',
    )
    .get() as
    | (Omit<UploadedLedger['snapshot'], 'periods' | 'sectionRows' | 'snapshot' | 'body'> & {
        periods: string;
        sectionRows: string;
      })
    | undefined;
  if (!row) throw new Error('the uploaded ledger holds no snapshot');
  return {
    ...row,
    body: packageBody(sqlite, row.packageId),
    snapshot: true,
    periods: JSON.parse(row.periods) as string[],
    sectionRows: JSON.parse(row.sectionRows) as Record<string, number>,
  };
}

/** The bench ledger with its snapshot uploaded (made on first use), and that snapshot. */
export async function cachedUploadedLedger(ledger: BenchLedger): Promise<UploadedLedger> {
  const file = path.join(
    benchCacheFolder,
    path.basename(ledger.file).replace(/(\.db)?$/, '-snapshot-acked.db'),
  );
  if (!fs.existsSync(file)) {
    process.stderr.write(`建立已上传全量快照的副本 ${file}（只需一次）…\n`);
    fs.mkdirSync(benchCacheFolder, { recursive: true });
    const partial = `${file}.partial-${process.pid}`;
    fs.copyFileSync(ledger.file, partial);
    const engine = await openDemoLedger(partial);
    const ctx = benchContext(engine);
    const [built] = buildPackages(ctx, { appVersion: benchAppVersion });
    if (!built?.snapshot) throw new Error('the ledger has uploaded before: its first package is no snapshot');
    engine.db.$client
      .prepare("UPDATE upload_outbox SET state = 'acked', acked_at = ? WHERE package_id = ?")
      .run(ctx.clock.now().toISOString(), built.packageId);
    engine.close();
    fs.renameSync(partial, file);
  }
  const engine = await openDemoLedger(file);
  try {
    return { file, snapshot: snapshotOf(engine.db.$client) };
  } finally {
    engine.close();
  }
}

/** Runs `work` inside a transaction that is rolled back, so the cached file stays as it was. */
export function rolledBack<T>(sqlite: Database.Database, work: () => T): T {
  sqlite.exec('BEGIN');
  try {
    return work();
  } finally {
    sqlite.exec('ROLLBACK');
  }
}

/** The body of a package just built, from the outbox. */
export function builtBody(sqlite: Database.Database, built: BuiltPackage): Buffer {
  return packageBody(sqlite, built.packageId);
}

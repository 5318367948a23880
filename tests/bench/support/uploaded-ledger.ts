import fs from 'node:fs';
import type Database from 'better-sqlite3';
import { cliActor } from '../../../src/engine';
import { zonedClock, type ServiceContext } from '../../../src/engine/services/context';
import type { DemoScaleName } from '../../../src/engine/services/demo/demo-scale';
import { buildPackages, type BuiltPackage } from '../../../src/engine/services/upload/build-package';
import { packageBody } from '../../../src/engine/services/upload/outbox-list';
import { cachedDemoLedger, demoEndDate, openDemoLedger } from './demo-ledger';

/**
 * A cached demo branch that has already uploaded its snapshot: a copy of the demo file in which the
 * first package of epoch 1 (every month from the first business day to the demo's end date, all master
 * data) was built and marked acknowledged, as after a branch's first upload. Made once beside the demo
 * and reused; what a bench builds in it afterwards it builds inside a transaction it rolls back.
 */

/** The branch's clock in the benches: noon of the demo's last day, in Beijing. */
export const benchClock = zonedClock(() => new Date(`${demoEndDate}T12:00:00+08:00`), 'Asia/Shanghai');

export const benchAppVersion = '0.1.0-bench';

export function benchContext(db: ServiceContext['db']): ServiceContext {
  return { db, actor: cliActor, clock: benchClock };
}

export interface UploadedLedger {
  file: string;
  /** The snapshot as it sits in the outbox (acknowledged): the body head office must hold first. */
  snapshot: BuiltPackage & { body: Buffer };
}

function snapshotOf(sqlite: Database.Database): UploadedLedger['snapshot'] {
  const row = sqlite
    .prepare(
      'SELECT package_id AS packageId, epoch, seq, sha256, bytes, periods, section_rows AS sectionRows, body ' +
        'FROM upload_outbox WHERE epoch = 1 AND seq = 1',
    )
    .get() as
    | (Omit<UploadedLedger['snapshot'], 'periods' | 'sectionRows' | 'snapshot'> & {
        periods: string;
        sectionRows: string;
      })
    | undefined;
  if (!row) throw new Error('the uploaded ledger holds no snapshot');
  return {
    ...row,
    snapshot: true,
    periods: JSON.parse(row.periods) as string[],
    sectionRows: JSON.parse(row.sectionRows) as Record<string, number>,
  };
}

/** The demo of `scale` with its snapshot uploaded (made on first use), and that snapshot. */
export async function cachedUploadedLedger(scale: DemoScaleName): Promise<UploadedLedger> {
  const demo = await cachedDemoLedger(scale);
  const file = demo.replace(/\.db$/, '-snapshot-acked.db');
  if (!fs.existsSync(file)) {
    process.stderr.write(`建立已上传全量快照的演示机构副本 ${file}（只需一次）…\n`);
    const partial = `${file}.partial-${process.pid}`;
    fs.copyFileSync(demo, partial);
    const engine = await openDemoLedger(partial, benchClock);
    const ctx = benchContext(engine.db);
    const [built] = buildPackages(ctx, { appVersion: benchAppVersion });
    if (!built?.snapshot) throw new Error('the first package of a demo branch must be its snapshot');
    engine.db.$client
      .prepare("UPDATE upload_outbox SET state = 'acked', acked_at = ? WHERE package_id = ?")
      .run(benchClock.now().toISOString(), built.packageId);
    engine.close();
    fs.renameSync(partial, file);
  }
  const engine = await openDemoLedger(file, benchClock);
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

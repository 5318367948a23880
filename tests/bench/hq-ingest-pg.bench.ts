import { afterAll, bench, describe } from 'vitest';
import { receivePackage } from '../../src/hq/receive-package';
import { readPackage } from '../integration/support/read-package';
import { freshStore, stopPgCluster } from './support/bench-head-office';
import { Timings, count, mb, ms, perSecond, printSummary, ratio } from './support/bench-figures';
import { uploadBenchLedger } from './support/demo-ledger';
import { derivePackage, splitPackage } from './support/derived-packages';
import { freshRawDatabase, insertRaw, tableRowsOf } from './support/raw-pg-insert';
import { cachedUploadedLedger } from './support/uploaded-ledger';

/**
 * Upload goal 2: head office ingests into PostgreSQL at no less than 1/3 of the rate of a raw multi-row
 * INSERT of the same rows, both measured in this run on one throw-away cluster (Debian's PostgreSQL 15,
 * initdb + pg_ctl, fsync off as in the integration tests).
 *
 * The package: the large demo branch's snapshot as the branch built it (support/uploaded-ledger.ts) —
 * all master data and the period figures of its last `monthsIngested` months (about 300,000 rows; the
 * whole two years, over a million, would be held in memory twice over for the baseline), re-written
 * with the branch's own package writer (support/derived-packages.ts) so it is a complete, valid package.
 *
 * Measured: receivePackage, head office's whole ingest — gunzip, parse, check every part's sha256 and
 * control totals, then in one transaction (branch lock) upsert the master data, write the period rows
 * into their typed tables, keep the body and the receipt, commit — into a fresh database each time.
 * Baseline: the same rows, already parsed and laid out as the store lays them out, into the same
 * tables of another fresh database by multi-row INSERTs of 1,000 rows in one transaction through
 * node-postgres (support/raw-pg-insert.ts). Rates are rows of the package per second.
 */
const monthsIngested = 6;

const ledger = await uploadBenchLedger();
const { snapshot } = await cachedUploadedLedger(ledger);
const source = splitPackage(snapshot.body);
const months = source.manifest.periods.map((period) => period.key).slice(-monthsIngested);
const branchCode = source.manifest.branchCode;
const pkg = derivePackage(source, { branchCode, seq: 1, prevSha256: null, periodKeys: months });
const tables = tableRowsOf(branchCode, readPackage(pkg.body).rows);
const rows = pkg.rows;

const timings = new Timings();
// Each run inserts the baseline and then receives the package, so a neighbour's load falls on both alike.
const options = { iterations: 3, time: 0, warmupIterations: 1, warmupTime: 0 };

describe(`head office ingest into PostgreSQL: ${count(rows)} rows (${months.length} months)`, () => {
  bench(
    'baseline (multi-row INSERT of the same rows, 1,000 a statement, one transaction), then receivePackage',
    async () => {
      const client = await freshRawDatabase();
      await timings.time('raw', () => insertRaw(client, tables));
      await client.end();

      const { store } = await freshStore('pg');
      await store.addBranch({ code: branchCode, name: '分支', secret: 'bench' }, new Date().toISOString());
      await timings.time('receive', () =>
        receivePackage(
          store,
          { branchCode, epoch: 1, seq: 1, idempotencyKey: pkg.packageId, body: pkg.body },
          { clock: { now: () => new Date() } },
        ),
      );
      await store.close();
    },
    options,
  );
});

afterAll(async () => {
  const n = options.iterations;
  const raw = timings.median('raw', n);
  const receive = timings.median('receive', n);
  printSummary(
    `总部入库 PostgreSQL：${ledger.label} 的全量快照，${months.length} 个月，${count(rows)} 行，gzip ${mb(pkg.body.length)}（中位数，各 ${n} 次）`,
    [
      `baseline multi-row INSERT   ${ms(raw).padStart(10)}   ${perSecond(rows, raw).padStart(9)} rows/s`,
      `receivePackage (pg store)   ${ms(receive).padStart(10)}   ${perSecond(rows, receive).padStart(9)} rows/s`,
      `ratio of rates receive / raw = ${ratio(raw / receive)} (goal ≥ 0.33×)`,
    ],
  );
  await stopPgCluster();
}, 60_000);

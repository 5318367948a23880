import { afterAll, bench, describe } from 'vitest';
import { startBenchHeadOffice, stopPgCluster, type BenchStoreKind } from './support/bench-head-office';
import { Timings, count, mb, ms, perSecond, printSummary } from './support/bench-figures';
import { uploadBenchLedger } from './support/demo-ledger';
import { derivePackage, splitPackage, type DerivedPackage } from './support/derived-packages';
import { cachedUploadedLedger } from './support/uploaded-ledger';

/**
 * Upload goal 3: 100 branches' month packages replayed into one head office, on PostgreSQL and on
 * SQLite: total time, packages per second and rows per second (no goal ratio: a figure to watch).
 *
 * The branches: building 100 real ledgers is far too slow, so each branch's package is derived from the
 * large demo branch's snapshot (support/derived-packages.ts): branch `B001` … `B100`, each with its own
 * uid and package id, carrying the master data and one month of real figures — the months taken in
 * turn, so neighbouring branches differ — re-written by the branch's own package writer, every sha256
 * and control total computed afresh. It is each branch's first upload (seq 1, opening epoch 1), which
 * head office requires to be a snapshot; head office checks and applies it exactly as a built one.
 * On the large demo that is about 54,000 rows a branch (5,400 of master data), 5.4 million in all:
 * each store takes two to four minutes on a 2-core machine, so each is replayed once.
 *
 * Measured: from a head office (`startHq` over loopback TLS) with the 100 branches registered, every
 * package sent by the branch's own signed client, `concurrency` branches sending at a time, until the
 * last receipt. Deriving the packages and registering the branches are not measured.
 */
const branches = 100;
const concurrency = 4;

const ledger = await uploadBenchLedger();
const { snapshot } = await cachedUploadedLedger(ledger);
const source = splitPackage(snapshot.body);
const months = source.manifest.periods.map((period) => period.key);
const derivedAt = performance.now();
const packages = new Map<string, DerivedPackage>();
for (let i = 0; i < branches; i += 1) {
  const code = `B${String(i + 1).padStart(3, '0')}`;
  const month = months[months.length - 1 - (i % months.length)]!;
  packages.set(
    code,
    derivePackage(source, { branchCode: code, seq: 1, prevSha256: null, periodKeys: [month] }),
  );
}
const deriveMs = performance.now() - derivedAt;
const rows = [...packages.values()].reduce((sum, pkg) => sum + pkg.rows, 0);
const bytes = [...packages.values()].reduce((sum, pkg) => sum + pkg.body.length, 0);

const timings = new Timings();
const options = { iterations: 1, time: 0, warmupIterations: 0, warmupTime: 0 };

async function replay(kind: BenchStoreKind): Promise<void> {
  const office = await startBenchHeadOffice(kind);
  try {
    for (const code of packages.keys()) await office.addBranch(code);
    const queue = [...packages.entries()];
    await timings.time(kind, () =>
      Promise.all(
        Array.from({ length: concurrency }, async () => {
          for (let next = queue.shift(); next; next = queue.shift()) await office.send(next[0], next[1]);
        }),
      ),
    );
    const held = await office.store.rowCounts('B001');
    if (Object.keys(held).length === 0) throw new Error('head office holds nothing of B001');
  } finally {
    await office.close();
  }
}

describe(`${branches} branches' month packages into one head office`, () => {
  // async functions: tinybench calls any other function once more to find out whether it returns a promise.
  bench('PostgreSQL store', async () => await replay('pg'), options);
  bench('SQLite store', async () => await replay('sqlite'), options);
});

afterAll(async () => {
  const lines = (['pg', 'sqlite'] as const).map((kind) => {
    const total = timings.median(kind);
    return `${kind.padEnd(6)}  total ${ms(total).padStart(10)}   ${(branches / (total / 1000)).toFixed(1).padStart(6)} packages/s   ${perSecond(rows, total).padStart(9)} rows/s`;
  });
  printSummary(
    `总部回放：${branches} 个分支各一个月的数据包（${ledger.label} 的月份轮流），共 ${count(rows)} 行，gzip ${mb(bytes)}，同时 ${concurrency} 个分支在发`,
    [...lines, `(setup: the ${branches} packages derived in ${ms(deriveMs)})`],
  );
  await stopPgCluster();
}, 60_000);

import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, bench, describe } from 'vitest';
import { getBranchProfile } from '../../src/engine/services/branch/branch-profile';
import { buildPackages, type BuiltPackage } from '../../src/engine/services/upload/build-package';
import { startBenchHeadOffice } from './support/bench-head-office';
import { Timings, count, mb, ms, printSummary, ratio } from './support/bench-figures';
import { historyDays, measureBuildMemory, type BuildMemory } from './support/build-peak-rss';
import { openDemoLedger, uploadBenchLedger } from './support/demo-ledger';
import { startRawHttpsSink } from './support/raw-https-sink';
import { benchAppVersion, benchContext, builtBody, cachedUploadedLedger } from './support/uploaded-ledger';

/**
 * Upload goal 1: building and sending a month's package of the large demo branch (5,000 goods, 5
 * warehouses, two years, about a million movements) takes at most 2× the floor of the same work — gzip
 * of the same NDJSON bytes at the level the package writer uses (zlib's default) plus a raw PUT of them
 * over loopback TLS to a Node server that only reads the body — both measured in this run.
 *
 * Which month: the branch has uploaded its two-year snapshot (support/uploaded-ledger.ts: cached once,
 * acknowledged, and head office below receives it first, unmeasured), and it is the ledger's last
 * business day (the demo's end date, 2026-11-30). The next package is then the current month only — what the daily upload sends on a day
 * with new documents, since a package carries every period from the earliest date its changes touched
 * to today. The bench builds it with `force` (the figures of the current period even with no new
 * change), which is the same package without posting a document first. Each iteration builds the next
 * seq (the chain goes on: seq 2, 3, …) inside one transaction rolled back at the end.
 *
 * Measured = buildPackages (read, group, value, write NDJSON, gzip, sha256, store in the outbox) + the
 * branch's own signed PUT (`requestHeadOffice`: Content-Digest, HMAC signature, the pinned TLS
 * connection) of the built body to the same raw sink the baseline PUTs to — the branch's side of "build
 * and send", against the same floor. Head office's apply (a real `startHq` on a SQLite store verifying
 * digest, signature, every part's sha256 and control totals, replacing the month's rows and committing
 * with synchronous=FULL before it answers) of every package built is timed after the runs and printed,
 * not part of the ratio: it is head office's cost, measured against its own floor by the ingest bench
 * (hq-ingest-pg.bench.ts).
 *
 * The build compresses on two threads (package-compression.ts: the queries on one, gzip and the parts'
 * sha256 shared between both), the baseline's gzip on one: the ratio is what a branch waits, on the
 * two cores these machines have.
 *
 * Memory: one build each of the month and of snapshots of a growing history — the ledger as on the
 * last day of its third month, of its first year, and on its last day (every month of the two years) —
 * each in a child process of its own (support/build-peak-rss.ts), RSS sampled during the build. A build
 * that streams grows by about the same for all of them, far less than the longer snapshots' text.
 */
const ledger = await uploadBenchLedger();
const uploaded = await cachedUploadedLedger(ledger);
const memory = {
  month: await measureBuildMemory(uploaded.file, 'month'),
  snapshot: await measureBuildMemory(ledger.file, 'snapshot'),
};
const shorterSnapshots: BuildMemory[] = [];
for (const through of historyDays(ledger.file)) {
  shorterSnapshots.push(await measureBuildMemory(ledger.file, 'snapshot', through));
}

const engine = await openDemoLedger(uploaded.file);
const ctx = benchContext(engine);
const sqlite = engine.db.$client;
const branchCode = getBranchProfile(ctx).code;

const office = await startBenchHeadOffice('sqlite');
await office.addBranch(branchCode);
const timings = new Timings();
await timings.time('snapshot send', () => office.send(branchCode, uploaded.snapshot));
const sink = await startRawHttpsSink(office.certificates);
const sinkUrl = `https://127.0.0.1:${sink.port}`;

// Every package built from here on is rolled back in afterAll: the cached file stays as it was.
sqlite.exec('BEGIN');
const buildMonth = (): BuiltPackage => {
  const [built] = buildPackages(ctx, { appVersion: benchAppVersion, force: true });
  if (!built || built.periods.length !== 1) throw new Error('expected a package of the current month');
  return built;
};
// The month's text as the build writes it, for the baseline (from a build of its own, not measured).
const sample = buildMonth();
const sampleBody = builtBody(sqlite, sample);
await office.send(branchCode, { ...sample, body: sampleBody });
const monthText = gunzipSync(sampleBody);
const monthRows = Object.values(sample.sectionRows).reduce((sum, n) => sum + n, 0);

/** What each run built and sent to the raw sink, for head office to apply afterwards. */
const sent: (BuiltPackage & { body: Buffer })[] = [];

// The baseline takes a tenth of a second on a shared machine: ten runs, and each run does the baseline
// and the measured work one after the other, so a neighbour's load falls on both alike.
const options = { iterations: 10, time: 0, warmupIterations: 2, warmupTime: 0 };

describe(`upload: build and send the month ${sample.periods[0]} of the ${ledger.label}`, () => {
  bench(
    'baseline (gzip of the same NDJSON + raw PUT over loopback TLS), then buildPackages + the branch’s signed PUT to the same sink',
    async () => {
      const gzipped = await timings.time('gzip', () => gzipSync(monthText));
      await timings.time('put', () => sink.put(gzipped));
      const built = await timings.time('build', buildMonth);
      const body = builtBody(sqlite, built);
      await timings.time('send', () => office.sendTo(sinkUrl, branchCode, { ...built, body }));
      sent.push({ ...built, body });
    },
    options,
  );
});

afterAll(async () => {
  // Head office applies the packages after the runs, in their order: its apply parses and writes in
  // this process, and what it leaves for the garbage collector would otherwise fall on the next build.
  for (const pkg of sent) await timings.time('apply', () => office.send(branchCode, pkg));
  const n = options.iterations;
  const build = timings.median('build', n);
  const send = timings.median('send', n);
  const apply = timings.median('apply', n);
  const gzip = timings.median('gzip', n);
  const put = timings.median('put', n);
  const growth = (m: typeof memory.month) => m.peakRssBytes - m.rssBeforeBytes;
  const memoryLine = (label: string, m: typeof memory.month) =>
    `${label}: ${count(m.rows)} rows, text ${mb(m.textBytes)}, gzip ${mb(m.bodyBytes)}, ${ms(m.ms)}; ` +
    `RSS ${mb(m.rssBeforeBytes)} → peak ${mb(m.peakRssBytes)} (+${mb(growth(m))}), text / RSS growth ${ratio(m.textBytes / Math.max(growth(m), 1))}`;
  printSummary(
    `上传：${ledger.label} ${sample.periods[0]} 一个月的数据包，${count(monthRows)} 行，文本 ${mb(monthText.length)}，gzip ${mb(sampleBody.length)}（中位数，各 ${n} 次）`,
    [
      `build (buildPackages, one month)                 ${ms(build)}`,
      `send (the branch's signed PUT → the raw sink)    ${ms(send)}`,
      `build + send                                     ${ms(build + send)}`,
      `(beside: the same PUT to startHq on SQLite, apply incl. ${ms(apply)})`,
      `baseline gzip (zlib default level) of the NDJSON ${ms(gzip)}`,
      `baseline raw PUT over loopback TLS               ${ms(put)}`,
      `baseline total                                   ${ms(gzip + put)}`,
      `ratio (build + send) / baseline = ${ratio((build + send) / (gzip + put))} (goal ≤ 2×); build / gzip ${ratio(build / gzip)}; send / PUT ${ratio(send / put)}`,
      `(setup: head office received the snapshot (${uploaded.snapshot.periods.length} months), ${mb(uploaded.snapshot.bytes)} gzip, in ${ms(timings.median('snapshot send'))})`,
      memoryLine('memory, month build   ', memory.month),
      ...shorterSnapshots.map((m) => memoryLine(`memory, snapshot to ${m.through}`, m)),
      memoryLine(`memory, snapshot to ${memory.snapshot.through}`, memory.snapshot),
      `snapshot / month: text ${ratio(memory.snapshot.textBytes / memory.month.textBytes)}, RSS growth ${ratio(growth(memory.snapshot) / Math.max(growth(memory.month), 1))}`,
    ],
  );
  sqlite.exec('ROLLBACK');
  engine.close();
  await sink.close();
  await office.close();
}, 300_000);

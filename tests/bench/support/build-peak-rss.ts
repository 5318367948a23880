import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Worker } from 'node:worker_threads';
import { gunzipSync } from 'node:zlib';
import { buildPackages } from '../../../src/engine/services/upload/build-package';
import Database from 'better-sqlite3';
import { periodsBetween } from '../../../src/engine/domain/upload/upload-periods';
import { zonedClock } from '../../../src/engine/services/context';
import { openDemoLedger } from './demo-ledger';
import { benchAppVersion, benchContext, builtBody, rolledBack } from './uploaded-ledger';

/**
 * How much memory one buildPackages takes, each in a process of its own so that no earlier build's heap
 * is reused: the ledger is opened, the process's RSS read, and a worker thread samples the RSS every
 * millisecond while the (synchronous) build runs on the main thread; the build is rolled back. A build
 * that streams grows by about the same whether the package holds one month or two years.
 *
 * `snapshot`: the first package of a ledger that has uploaded nothing (every month up to `through`, a
 * date: the ledger's last business day unless given, so a shorter history is the same ledger read as on
 * an earlier day). `month`: the next package of a ledger whose snapshot was acknowledged, forced, so it
 * carries the current month only.
 */
export type BuildKind = 'snapshot' | 'month';

export interface BuildMemory {
  kind: BuildKind;
  /** The day the package was built on. */
  through: string;
  ms: number;
  rssBeforeBytes: number;
  peakRssBytes: number;
  /** The package's NDJSON text, before compression, and its gzip body. */
  textBytes: number;
  bodyBytes: number;
  rows: number;
}

const run = promisify(execFile);
const thisFile = fileURLToPath(import.meta.url);

/** Measures one build of `kind` on the ledger `file` in a child process. */
export async function measureBuildMemory(
  file: string,
  kind: BuildKind,
  through?: string,
): Promise<BuildMemory> {
  const args = ['--import', 'tsx', thisFile, file, kind, ...(through ? [through] : [])];
  const { stdout } = await run(process.execPath, args, {
    maxBuffer: 1024 * 1024,
  });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as BuildMemory;
}

/** The last days of the ledger's third month and of its twelfth: shorter histories of the same ledger. */
export function historyDays(file: string): string[] {
  const sqlite = new Database(file, { readonly: true });
  try {
    const [first, last] = sqlite
      .prepare("SELECT min(business_date), max(business_date) FROM documents WHERE status = 'completed'")
      .raw(true)
      .get() as [string, string];
    const months = periodsBetween('month', first, last);
    return [months[2], months[11]].filter((month) => month !== undefined).map((month) => month.to);
  } finally {
    sqlite.close();
  }
}

// Eval'd workers are CommonJS; the peak is shared through one Float64 slot.
const samplerSource = `
const { workerData } = require('node:worker_threads');
const peak = new Float64Array(workerData);
setInterval(() => { const rss = process.memoryUsage.rss(); if (rss > peak[0]) peak[0] = rss; }, 1);
`;

async function child(file: string, kind: BuildKind, through?: string): Promise<BuildMemory> {
  const engine = await openDemoLedger(file);
  const last = benchContext(engine);
  const ctx = through
    ? { ...last, clock: zonedClock(() => new Date(`${through}T12:00:00+08:00`), 'Asia/Shanghai') }
    : last;
  const sqlite = engine.db.$client;
  const shared = new SharedArrayBuffer(8);
  const peak = new Float64Array(shared);
  const sampler = new Worker(samplerSource, { eval: true, workerData: shared });
  await new Promise((resolve) => setTimeout(resolve, 200));
  const rssBeforeBytes = process.memoryUsage.rss();
  peak[0] = rssBeforeBytes;
  const measured = rolledBack(sqlite, () => {
    const started = performance.now();
    const [built] = buildPackages(ctx, { appVersion: benchAppVersion, force: kind === 'month' });
    const ms = performance.now() - started;
    const peakRssBytes = peak[0]!;
    if (!built || built.snapshot !== (kind === 'snapshot')) throw new Error(`not a ${kind} package`);
    const body = builtBody(sqlite, built);
    return {
      kind,
      through: ctx.clock.today(),
      ms,
      rssBeforeBytes,
      peakRssBytes,
      textBytes: gunzipSync(body).length,
      bodyBytes: body.length,
      rows: Object.values(built.sectionRows).reduce((sum, n) => sum + n, 0),
    };
  });
  await sampler.terminate();
  engine.close();
  return measured;
}

if (process.argv[1] === thisFile) {
  const [file, kind, through] = process.argv.slice(2) as [string, BuildKind, string | undefined];
  process.stdout.write(`${JSON.stringify(await child(file, kind, through))}\n`);
}

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openEngine, sourceAppVersion, sourceMigrationsFolder, type Engine } from '../../../src/engine';
import type { Clock } from '../../../src/engine/services/context';
import { generateDemo } from '../../../src/engine/services/demo/generate-demo';
import type { DemoScaleName } from '../../../src/engine/services/demo/demo-scale';

/**
 * A demo branch (`ledger demo --scale …`, pinned to an end date) generated once into the system's temp
 * folder and reused by every later bench run: the large one (5,000 goods, 5 warehouses, two years, about
 * a million movements) takes 10–20 minutes to make. Delete the file to make it anew. Benches only read
 * it, or write inside a transaction they roll back, so that one bench never sees another's leftovers.
 */
export const benchCacheFolder = path.join(os.tmpdir(), 'branch-ledger-bench');

/** The end date every cached demo is pinned to: its files keep their meaning across runs. */
export const demoEndDate = '2026-11-30';

export function demoLedgerPath(scale: DemoScaleName, endDate = demoEndDate): string {
  return path.join(benchCacheFolder, `demo-${scale}-${endDate}.db`);
}

export function openDemoLedger(file: string, clock?: Clock): Promise<Engine> {
  return openEngine({
    databasePath: file,
    migrationsFolder: sourceMigrationsFolder,
    appVersion: sourceAppVersion(),
    backupDir: path.join(benchCacheFolder, 'backups'),
    ...(clock ? { clock } : {}),
  });
}

/** The cached demo branch's file, generating it first when it is not there yet. */
export async function cachedDemoLedger(scale: DemoScaleName, endDate = demoEndDate): Promise<string> {
  const databasePath = demoLedgerPath(scale, endDate);
  if (fs.existsSync(databasePath)) return databasePath;
  fs.mkdirSync(benchCacheFolder, { recursive: true });
  // Generated under another name and renamed when complete: an interrupted run is never reused.
  const partial = `${databasePath}.partial-${process.pid}`;
  const engine = await openDemoLedger(partial);
  process.stderr.write(`生成${scale === 'large' ? '大' : '小'}规模演示机构到 ${databasePath}（只需一次）…\n`);
  const summary = await generateDemo(engine, {
    scale,
    endDate,
    password: 'bench-password',
    onProgress: ({ month, movements, seconds }) =>
      process.stderr.write(`  ${month}  ${movements.toLocaleString('en')} 条流水  ${seconds} s\n`),
  });
  engine.close();
  fs.renameSync(partial, databasePath);
  process.stderr.write(`  完成：${summary.movements.toLocaleString('en')} 条流水，${summary.seconds} s\n`);
  return databasePath;
}

/** The ledger the upload benches run on, and how their summaries name it. */
export interface BenchLedger {
  file: string;
  label: string;
}

/**
 * The large demo, unless `BENCH_DEMO_SCALE=small` asks for the small one (three months, 50 goods: to
 * check in seconds that a bench runs; its figures mean little), or `BENCH_LEDGER_FILE` names a ledger
 * file of one's own (a copy of a real branch's books). Benches never change the file.
 */
export async function uploadBenchLedger(): Promise<BenchLedger> {
  const own = process.env.BENCH_LEDGER_FILE;
  if (own) return { file: path.resolve(own), label: path.basename(own) };
  const scale: DemoScaleName = process.env.BENCH_DEMO_SCALE === 'small' ? 'small' : 'large';
  return { file: await cachedDemoLedger(scale), label: `${scale} demo` };
}

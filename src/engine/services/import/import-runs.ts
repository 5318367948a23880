import os from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import type Database from 'better-sqlite3';
import { readOnly } from '../../db/connection';
import { LedgerError } from '../../../shared/ledger-error';
import { recordAudit } from '../audit/record-audit';
import type { ServiceContext } from '../context';
import { journaled } from './import-journal';
import { copyJournalForUndo, undoSomeChanges, usedByOthers, type KeptRow } from './import-undo';

/**
 * How an import is written: in batches that hold the write lock about `batchMs` (or `batchRows` rows)
 * at a time, each its own transaction, with `pauseMs` between them. Other programs waiting for the lock
 * poll it (SQLite's busy handler) at most every 100 ms: a pause longer than that lets every one of them
 * in before the next batch, and calls of other people on this engine run in it too. A second of lock:
 * a keeper's confirmation waits at most about that, not the 10–20 s a 50,000-goods catalogue takes
 * (past the 5 s bound); the pauses add about a tenth to the import's writing.
 */
export interface ImportPacing {
  batchRows: number;
  batchMs: number;
  pauseMs: number;
}

export const defaultImportPacing: ImportPacing = { batchRows: 10_000, batchMs: 1_000, pauseMs: 110 };

/** A run's heartbeat older than this was left by a program that hung or whose host cannot be asked. */
const abandonedAfterMs = 10 * 60 * 1000;

/** Runs this process is writing, per database file: another engine on the same file must not undo them. */
const liveRuns = new Map<string, Set<number>>();

function liveRunsOf(sqlite: Database.Database): Set<number> {
  let runs = liveRuns.get(sqlite.name);
  if (!runs) liveRuns.set(sqlite.name, (runs = new Set()));
  return runs;
}

/** The run is no longer being written in this file: the import must end, told as such. */
export class RunGone extends LedgerError {
  constructor() {
    super('CONFLICT', '导入期间账簿已被另一程序从备份恢复（或导入已被撤回），本次导入未完成，请重新导入。');
  }
}

export interface ImportRun {
  id: number;
  entity: string;
  fileName: string;
}

/** Opens a run, in its own short transaction, before the first batch. */
export function startRun(ctx: ServiceContext, entity: string, fileName: string): ImportRun {
  const sqlite = ctx.db.$client;
  const at = new Date().toISOString();
  const id = ctx.db.transaction(
    () =>
      sqlite
        .prepare(
          `INSERT INTO import_runs (entity, file_name, username, status, owner_pid, owner_host, heartbeat_at, started_at)
           VALUES (?, ?, ?, 'applying', ?, ?, ?, ?)`,
        )
        .run(entity, fileName, ctx.actor.username, process.pid, os.hostname(), at, at).lastInsertRowid,
  );
  const run = { id: Number(id), entity, fileName };
  liveRunsOf(sqlite).add(run.id);
  return run;
}

/**
 * Writes one batch of the run in the caller's transaction: journaled, with the heartbeat. Wall time,
 * not the branch's clock: liveness is about processes, and a test's fixed clock never ages.
 */
export function writeBatch<T>(ctx: ServiceContext, run: ImportRun, write: () => T): T {
  const sqlite = ctx.db.$client;
  const beat = sqlite
    .prepare("UPDATE import_runs SET heartbeat_at = ? WHERE id = ? AND status = 'applying'")
    .run(new Date().toISOString(), run.id);
  // Another program restored the ledger from a backup between two batches (or found the run abandoned
  // and took it back): what the earlier batches wrote is not in the file any more.
  if (beat.changes === 0) throw new RunGone();
  return journaled(sqlite, run.id, write);
}

/** This process is no longer writing the run (it ended, or is gone from the file). */
export function liveRunsEnd(ctx: ServiceContext, run: ImportRun): void {
  liveRunsOf(ctx.db.$client).delete(run.id);
}

/** Marks the run written, in the caller's transaction (with the import log): from here it is kept. */
export function markCommitted(ctx: ServiceContext, run: ImportRun): void {
  ctx.db.$client
    .prepare("UPDATE import_runs SET status = 'committed', finished_at = ? WHERE id = ?")
    .run(ctx.clock.now().toISOString(), run.id);
}

/**
 * Drops the journal of runs that ended (committed: not needed any more), in bounded batches. After a
 * commit it runs on its own, the clerk's answer not waiting for it; what a closed engine or a crash
 * leaves is dropped at the next start.
 */
export async function forgetFinishedJournals(ctx: ServiceContext, pacing: ImportPacing): Promise<void> {
  const sqlite = ctx.db.$client;
  const drop = sqlite.prepare(
    `DELETE FROM import_run_changes WHERE seq IN (
       SELECT seq FROM import_run_changes
       WHERE run_id IN (SELECT id FROM import_runs WHERE status <> 'applying') LIMIT ?)`,
  );
  while (sqlite.open && ctx.db.transaction(() => drop.run(pacing.batchRows * 4).changes) > 0)
    await sleep(pacing.pauseMs);
}

/**
 * Takes every batch of the run back, newest first, in bounded transactions, then marks it undone and
 * audits it. What could not go back (used or changed by others meanwhile) is kept, recorded on the run
 * and returned. Resumable: a crash in the middle leaves the rest of the journal for the next undo.
 */
export async function undoRun(
  ctx: ServiceContext,
  run: ImportRun,
  pacing: ImportPacing,
  why: string,
): Promise<KeptRow[]> {
  const sqlite = ctx.db.$client;
  const keptSoFar = sqlite.prepare('SELECT undo_kept FROM import_runs WHERE id = ?').pluck();
  const keep = sqlite.prepare('UPDATE import_runs SET undo_kept = ? WHERE id = ?');
  try {
    const used = ctx.db.transaction(() => {
      copyJournalForUndo(sqlite, run.id);
      return usedByOthers(sqlite);
    }, readOnly);
    for (;;) {
      const handled = ctx.db.transaction(() => {
        const some = undoSomeChanges(sqlite, run.id, pacing.batchRows * 2, used);
        if (some.kept.length > 0) {
          const kept = JSON.parse((keptSoFar.get(run.id) as string | null) ?? '[]') as KeptRow[];
          keep.run(JSON.stringify([...kept, ...some.kept]), run.id);
        }
        return some.handled;
      });
      if (handled === 0) break;
      await sleep(pacing.pauseMs);
    }
    return ctx.db.transaction((tx) => {
      const kept = JSON.parse((keptSoFar.get(run.id) as string | null) ?? '[]') as KeptRow[];
      const marked = sqlite
        .prepare(
          "UPDATE import_runs SET status = 'undone', finished_at = ? WHERE id = ? AND status = 'applying'",
        )
        .run(ctx.clock.now().toISOString(), run.id);
      // Two programs that both found the run abandoned: the one that marks it audits it.
      if (marked.changes === 0) return kept;
      recordAudit(tx, ctx, {
        action: 'import.undo',
        entity: run.entity,
        entityKey: String(run.id),
        detail:
          `导入【${run.fileName}】${why}，已写入的部分已全部撤回` +
          (kept.length > 0 ? `；${kept.length} 条记录在导入期间已被他人修改或使用，予以保留` : ''),
        after: kept.length > 0 ? { kept } : null,
      });
      return kept;
    });
  } finally {
    liveRunsOf(sqlite).delete(run.id);
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

interface RunRow {
  id: number;
  entity: string;
  fileName: string;
  ownerPid: number;
  ownerHost: string;
  heartbeatAt: string;
}

/** A run nobody is writing any more: its program died, or this process let it go without finishing. */
function isAbandoned(sqlite: Database.Database, run: RunRow): boolean {
  if (run.ownerHost === os.hostname()) {
    if (run.ownerPid === process.pid) return !liveRunsOf(sqlite).has(run.id);
    if (!processAlive(run.ownerPid)) return true;
  }
  return Date.now() - Date.parse(run.heartbeatAt) > abandonedAfterMs;
}

/**
 * Undoes the runs left applying by a program that died (kill -9, a power cut) or gave up mid-way: at the
 * engine's start and before each import. Their journal says exactly what to take back.
 */
export async function undoAbandonedRuns(ctx: ServiceContext, pacing: ImportPacing): Promise<number> {
  const sqlite = ctx.db.$client;
  const applying = sqlite
    .prepare(
      `SELECT id, entity, file_name AS fileName, owner_pid AS ownerPid, owner_host AS ownerHost,
              heartbeat_at AS heartbeatAt
       FROM import_runs WHERE status = 'applying'`,
    )
    .all() as RunRow[];
  const abandoned = applying.filter((run) => isAbandoned(sqlite, run));
  for (const run of abandoned) await undoRun(ctx, run, pacing, '在写入途中中断（程序退出或崩溃）');
  await forgetFinishedJournals(ctx, pacing);
  return abandoned.length;
}

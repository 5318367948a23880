import os from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import type Database from 'better-sqlite3';
import { readOnly } from '../../db/connection';
import { recordAudit } from '../audit/record-audit';
import type { ServiceContext } from '../context';
import { journaled } from './import-journal';
import { undoSomeChanges, usedByOthers, type KeptRow } from './import-undo';

/**
 * How an import is written: in batches that hold the write lock about `batchMs` (or `batchRows` rows)
 * at a time, each its own transaction, with `pauseMs` between them. Other programs waiting for the lock
 * poll it (SQLite's busy handler) at most every 100 ms: a pause longer than that lets every one of them
 * in before the next batch, and calls of other people on this engine run in it too. A 50,000-goods
 * catalogue, about 8 s of writing, no longer makes a keeper's confirmation wait past its 5 s bound.
 */
export interface ImportPacing {
  batchRows: number;
  batchMs: number;
  pauseMs: number;
}

export const defaultImportPacing: ImportPacing = { batchRows: 2_000, batchMs: 250, pauseMs: 110 };

/** A run's heartbeat older than this was left by a program that hung or whose host cannot be asked. */
const abandonedAfterMs = 10 * 60 * 1000;

/** Runs this process is writing, per database file: another engine on the same file must not undo them. */
const liveRuns = new Map<string, Set<number>>();

function liveRunsOf(sqlite: Database.Database): Set<number> {
  let runs = liveRuns.get(sqlite.name);
  if (!runs) liveRuns.set(sqlite.name, (runs = new Set()));
  return runs;
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
  sqlite
    .prepare('UPDATE import_runs SET heartbeat_at = ? WHERE id = ?')
    .run(new Date().toISOString(), run.id);
  return journaled(sqlite, run.id, write);
}

/** Marks the run written, in the caller's transaction (with the import log): from here it is kept. */
export function markCommitted(ctx: ServiceContext, run: ImportRun): void {
  ctx.db.$client
    .prepare("UPDATE import_runs SET status = 'committed', finished_at = ? WHERE id = ?")
    .run(ctx.clock.now().toISOString(), run.id);
}

/** The journal of a committed run is not needed any more; dropped in bounded batches too. */
export async function forgetJournal(
  ctx: ServiceContext,
  run: ImportRun,
  pacing: ImportPacing,
): Promise<void> {
  const sqlite = ctx.db.$client;
  const drop = sqlite.prepare(
    'DELETE FROM import_run_changes WHERE seq IN (SELECT seq FROM import_run_changes WHERE run_id = ? LIMIT ?)',
  );
  try {
    while (ctx.db.transaction(() => drop.run(run.id, pacing.batchRows * 4).changes) > 0)
      await sleep(pacing.pauseMs);
  } finally {
    liveRunsOf(sqlite).delete(run.id);
  }
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
    const used = ctx.db.transaction(() => usedByOthers(sqlite, run.id), readOnly);
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
  return abandoned.length;
}

import type Database from 'better-sqlite3';
import { prepared } from '../../db/prepared';

/**
 * The epoch packages are built under (UPLOAD.md "On the wire" 1). A seq names a package only within its
 * epoch; a new epoch, opened with a full snapshot, is how a branch whose history no longer follows head
 * office's — restored from a backup, or a chain head office does not share — starts again without ever
 * reusing a seq head office may hold.
 */

export function highestUploadEpoch(sqlite: Database.Database): number {
  const row = prepared(sqlite, 'SELECT max(epoch) AS epoch FROM upload_epochs').get() as {
    epoch: number | null;
  };
  return row.epoch ?? 0;
}

interface EpochRow {
  epoch: number;
  restoreId: number;
}

function currentEpoch(sqlite: Database.Database): EpochRow | null {
  return (
    (prepared(
      sqlite,
      'SELECT epoch, restore_id AS restoreId FROM upload_epochs ORDER BY epoch DESC LIMIT 1',
    ).get() as EpochRow | undefined) ?? null
  );
}

/** The latest restore of this ledger, with the highest epoch the ledger it replaced had used. */
function latestRestore(sqlite: Database.Database): { id: number; epochBefore: number } | null {
  return (
    (prepared(
      sqlite,
      'SELECT id, upload_epoch_before AS epochBefore FROM ledger_restores ORDER BY id DESC LIMIT 1',
    ).get() as { id: number; epochBefore: number } | undefined) ?? null
  );
}

/**
 * The epoch to build the next package under, opening one when needed (in the caller's transaction):
 * the first ever; after a restore newer than the current epoch; or when head office already holds an
 * epoch at least as high (`headOfficeEpoch`, from its state) than the one the branch would continue.
 * A new epoch is above every epoch the branch, the ledger a restore replaced, and head office have used.
 */
export function epochForBuild(
  sqlite: Database.Database,
  now: string,
  options: { headOfficeEpoch?: number | undefined; diverged?: boolean | undefined } = {},
): { epoch: number; opened: boolean } {
  const current = currentEpoch(sqlite);
  const restore = latestRestore(sqlite);
  const reason =
    current === null
      ? restore
        ? 'restore'
        : 'first'
      : restore && restore.id > current.restoreId
        ? 'restore'
        : options.diverged
          ? 'diverged'
          : options.headOfficeEpoch !== undefined && options.headOfficeEpoch > current.epoch
            ? 'diverged'
            : null;
  if (reason === null) return { epoch: current!.epoch, opened: false };
  const epoch =
    Math.max(
      current?.epoch ?? 0,
      restore?.epochBefore ?? 0,
      options.headOfficeEpoch ?? 0,
      highestUploadEpoch(sqlite),
    ) + 1;
  prepared(
    sqlite,
    'INSERT INTO upload_epochs (epoch, opened_at, reason, restore_id) VALUES (?, ?, ?, ?)',
  ).run(epoch, now, reason, restore?.id ?? 0);
  return { epoch, opened: true };
}

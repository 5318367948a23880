import type Database from 'better-sqlite3';
import { prepared } from '../../db/prepared';
import type { OutboxState } from '../../db/schema/upload';

/** One package as the 上传总部 page lists it: never its body. */
export interface OutboxPackage {
  packageId: string;
  epoch: number;
  seq: number;
  sha256: string;
  snapshot: boolean;
  periods: string[];
  sectionRows: Record<string, number>;
  bytes: number;
  builtAt: string;
  state: OutboxState;
  attempts: number;
  nextAttemptAt: string | null;
  lastAttemptAt: string | null;
  lastError: Record<string, unknown> | null;
  receipt: Record<string, unknown> | null;
  ackedAt: string | null;
}

const columns =
  'package_id AS packageId, epoch, seq, sha256, snapshot, periods, section_rows AS sectionRows, bytes, built_at AS builtAt, ' +
  'state, attempts, next_attempt_at AS nextAttemptAt, last_attempt_at AS lastAttemptAt, last_error AS lastError, receipt, acked_at AS ackedAt';

type StoredRow = Omit<OutboxPackage, 'snapshot' | 'periods' | 'sectionRows' | 'lastError' | 'receipt'> & {
  snapshot: number;
  periods: string;
  sectionRows: string;
  lastError: string | null;
  receipt: string | null;
};

function fromRow(row: StoredRow): OutboxPackage {
  return {
    ...row,
    snapshot: row.snapshot === 1,
    periods: JSON.parse(row.periods) as string[],
    sectionRows: JSON.parse(row.sectionRows) as Record<string, number>,
    lastError: row.lastError === null ? null : (JSON.parse(row.lastError) as Record<string, unknown>),
    receipt: row.receipt === null ? null : (JSON.parse(row.receipt) as Record<string, unknown>),
  };
}

/** The outbox, newest first (`limit` rows). */
export function listOutbox(sqlite: Database.Database, limit = 200): OutboxPackage[] {
  return (
    prepared(
      sqlite,
      `SELECT ${columns} FROM upload_outbox ORDER BY epoch DESC, seq DESC, id DESC LIMIT ?`,
    ).all(limit) as StoredRow[]
  ).map(fromRow);
}

/** Packages still to send, in the order they must arrive. */
export function pendingPackages(sqlite: Database.Database): OutboxPackage[] {
  return (
    prepared(
      sqlite,
      `SELECT ${columns} FROM upload_outbox WHERE state IN ('built', 'sending', 'rejected') ORDER BY epoch, seq`,
    ).all() as StoredRow[]
  ).map(fromRow);
}

/** A package's gzip body as built: its members, in order. */
export function packageBody(sqlite: Database.Database, packageId: string): Buffer {
  const members = prepared(
    sqlite,
    'SELECT bytes FROM upload_outbox_members WHERE package_id = ? ORDER BY member',
  )
    .pluck()
    .all(packageId) as Buffer[];
  if (members.length === 0) throw new Error(`no package ${packageId}`);
  return Buffer.concat(members);
}

import type Database from 'better-sqlite3';
import { prepared } from '../../db/prepared';
import type { BranchState } from '../../../shared/upload/wire';
import type { UploadFailure } from './upload-errors';

/**
 * Where the upload loop stands, kept in the ledger so a restart picks up where it was: failures in a
 * row (the backoff and the probe-only mode), when to try next, the last success and error, the clock
 * offset head office reported, the last schedule slot taken and head office's last known state.
 */
export interface UploadProgress {
  failuresInRow: number;
  /** ISO; null: at the next schedule slot or 立即上传. */
  nextAttemptAt: string | null;
  lastAttemptAt: string | null;
  lastSuccessAt: string | null;
  lastError: UploadFailure | null;
  /** A refusal retrying cannot fix (401/403/409/415/422/426, a certificate): waits for the person. */
  blocked: boolean;
  /** Head office's clock minus this machine's, from its `Date` on a skew refusal. */
  skewMs: number;
  lastSlotRun: string | null;
  headOffice: (BranchState & { at: string }) | null;
}

const progressKey = 'upload_progress';

export const initialProgress: UploadProgress = {
  failuresInRow: 0,
  nextAttemptAt: null,
  lastAttemptAt: null,
  lastSuccessAt: null,
  lastError: null,
  blocked: false,
  skewMs: 0,
  lastSlotRun: null,
  headOffice: null,
};

export function readProgress(sqlite: Database.Database): UploadProgress {
  const row = prepared(sqlite, 'SELECT value FROM settings WHERE key = ?').get(progressKey) as
    { value: string } | undefined;
  return { ...initialProgress, ...(row ? (JSON.parse(row.value) as Partial<UploadProgress>) : {}) };
}

export function writeProgress(
  sqlite: Database.Database,
  change: Partial<UploadProgress>,
  now: string,
): UploadProgress {
  const next = { ...readProgress(sqlite), ...change };
  prepared(
    sqlite,
    'INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
  ).run(progressKey, JSON.stringify(next), now);
  return next;
}

import type Database from 'better-sqlite3';
import { probeAfterFailures } from '../../domain/upload/retry-schedule';
import type { Clock } from '../context';
import { nextScheduled } from './upload-due';
import { pendingPackages } from './outbox-list';
import { readProgress } from './upload-progress';
import { readUploadSettings } from './upload-settings';
import type { UploadFailure } from './upload-errors';

/** What the header badge and the 上传总部 page show: always at hand, never the settings' secrets. */
export interface UploadStatus {
  configured: boolean;
  pending: number;
  /** When the oldest package waiting was built. */
  oldestPendingAt: string | null;
  lastSuccessAt: string | null;
  /** ISO time of the next retry, or the next schedule slot (local `yyyy-MM-dd HH:mm`). */
  nextAttemptAt: string | null;
  nextScheduled: string | null;
  failuresInRow: number;
  /** After repeated failures only head office's state is asked for, at the longest interval. */
  probing: boolean;
  blocked: boolean;
  lastError: UploadFailure | null;
  /** Head office's clock minus this machine's, in ms, as its answers said. */
  skewMs: number;
  headOffice: { epoch: number; lastSeq: number; at: string } | null;
}

export function uploadStatus(sqlite: Database.Database, clock: Clock): UploadStatus {
  const settings = readUploadSettings(sqlite);
  const progress = readProgress(sqlite);
  const pending = pendingPackages(sqlite);
  return {
    configured: settings.headOfficeUrl !== '',
    pending: pending.length,
    oldestPendingAt: pending[0]?.builtAt ?? null,
    lastSuccessAt: progress.lastSuccessAt,
    nextAttemptAt: progress.nextAttemptAt,
    nextScheduled: settings.headOfficeUrl ? nextScheduled(sqlite, clock) : null,
    failuresInRow: progress.failuresInRow,
    probing: progress.failuresInRow >= probeAfterFailures,
    blocked: progress.blocked,
    lastError: progress.lastError,
    skewMs: progress.skewMs,
    headOffice: progress.headOffice
      ? {
          epoch: progress.headOffice.epoch,
          lastSeq: progress.headOffice.last_seq,
          at: progress.headOffice.at,
        }
      : null,
  };
}

import type Database from 'better-sqlite3';
import { prepared } from '../../db/prepared';

/**
 * Drops acknowledged packages older than the branch's retention (`keepAckedDays`, UPLOAD.md "Outbox"):
 * kept that long so a head office restored from an older backup can be re-fed. The newest acknowledged
 * package of each epoch always stays: its hash is what the branch compares head office's state with.
 * Packages not yet acknowledged are never dropped (a trigger refuses it too).
 */
export function dropExpiredPackages(sqlite: Database.Database, keepAckedDays: number, now: Date): number {
  const before = new Date(now.getTime() - keepAckedDays * 86_400_000).toISOString();
  return prepared(
    sqlite,
    "DELETE FROM upload_outbox WHERE state = 'acked' AND acked_at < ? " +
      "AND seq < (SELECT max(seq) FROM upload_outbox newest WHERE newest.epoch = upload_outbox.epoch AND newest.state = 'acked')",
  ).run(before).changes;
}

import { eq } from 'drizzle-orm';
import type { LedgerDb, LedgerTx } from '../../db/connection';
import { settings } from '../../db/schema';

/** One key of the settings table as stored (a JSON value), or undefined when never set. */
export function readSetting(db: LedgerDb | LedgerTx, key: string): unknown {
  return db.select().from(settings).where(eq(settings.key, key)).get()?.value;
}

/** Writes one key of the settings table in the caller's transaction (its audit is the caller's). */
export function writeSetting(tx: LedgerTx, key: string, value: unknown, now: string): void {
  tx.insert(settings)
    .values({ key, value, updatedAt: now })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: now } })
    .run();
}

import { and, eq } from 'drizzle-orm';
import type { LedgerDb } from '../../db/connection';
import { users } from '../../db/schema';

/** A session is only as good as its user: a disabled account stops working at its next call. */
export function findActiveUser(db: LedgerDb, userId: number) {
  return (
    db
      .select()
      .from(users)
      .where(and(eq(users.id, userId), eq(users.active, true)))
      .get() ?? null
  );
}

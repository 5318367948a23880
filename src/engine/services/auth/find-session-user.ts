import { and, eq } from 'drizzle-orm';
import type { LedgerDb } from '../../db/connection';
import { users } from '../../db/schema';

/**
 * A session is only as good as its user: a disabled account, or one whose password or role changed
 * since the session opened (a newer session generation), stops working at its next call.
 */
export function findSessionUser(db: LedgerDb, session: { userId: number; generation: number }) {
  return (
    db
      .select()
      .from(users)
      .where(
        and(
          eq(users.id, session.userId),
          eq(users.active, true),
          eq(users.sessionGeneration, session.generation),
        ),
      )
      .get() ?? null
  );
}

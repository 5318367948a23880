import { asc, eq } from 'drizzle-orm';
import type { LedgerDb, LedgerTx } from '../../db/connection';
import { users } from '../../db/schema';

/**
 * The app's users as master data needs them — to choose a warehouse's keepers and an employee's
 * login. Never the password hash or the lockout state.
 */
export function listUsers(db: LedgerDb) {
  return db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      active: users.active,
    })
    .from(users)
    .orderBy(asc(users.username))
    .all();
}

/** The user with that username (imports name keepers and logins by username), or null. */
export function findUserIdByUsername(db: LedgerDb | LedgerTx, username: string): number | null {
  return db.select({ id: users.id }).from(users).where(eq(users.username, username.trim())).get()?.id ?? null;
}

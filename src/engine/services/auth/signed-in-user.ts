import type { users } from '../../db/schema';

/** What the app may know about the person signed in: never the hash, never the lock counters. */
export interface SignedInUser {
  id: number;
  username: string;
  displayName: string;
  /** The code of the role held (roles table). */
  role: string;
  /** The administrator reset the password: nothing but changing it works until the user does. */
  mustChangePassword: boolean;
}

export function toSignedInUser(row: typeof users.$inferSelect): SignedInUser {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    mustChangePassword: row.mustChangePassword,
  };
}

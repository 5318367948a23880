import type { Role } from '../../domain/access/roles';
import type { users } from '../../db/schema';

/** What the app may know about the person signed in: never the hash, never the lock counters. */
export interface SignedInUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
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

import { sqliteTable, integer, text } from 'drizzle-orm/sqlite-core';

export const users = sqliteTable('users', {
  id: integer('id').primaryKey(),
  uid: text('uid').notNull().unique(),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  /** `scrypt$N$r$p$salt$hash`, see services/auth/password.ts. */
  passwordHash: text('password_hash').notNull(),
  /** The code of the role held (roles table). */
  role: text('role').notNull(),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  failedAttempts: integer('failed_attempts').notNull().default(0),
  lockedUntil: text('locked_until'),
  /**
   * Raised in the same transaction as a password reset, a password change, a role change or a
   * deactivation: a session remembers the number it was opened under, so every older session of the
   * user ends at its next call — also in another program open on the same file.
   */
  sessionGeneration: integer('session_generation').notNull().default(0),
  /** Set when the administrator resets the password: the user must choose their own before working. */
  mustChangePassword: integer('must_change_password', { mode: 'boolean' }).notNull().default(false),
  lastLoginAt: text('last_login_at'),
  createdAt: text('created_at').notNull(),
});

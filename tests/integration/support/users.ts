import type { Engine } from '../../../src/engine';
import { PasswordHasher } from '../../../src/engine/services/auth/password';
import { testPasswordCost } from './ledger';

/**
 * Adds a user straight into the users table, as a later user-management screen would: the API has
 * no method for it yet.
 */
export async function addUser(
  engine: Engine,
  user: { username: string; displayName: string; role: string; password: string },
): Promise<void> {
  engine.db.$client
    .prepare(
      `INSERT INTO users (uid, username, display_name, password_hash, role, created_at)
       VALUES (?, ?, ?, ?, ?, '2026-03-02T01:00:00.000Z')`,
    )
    .run(
      `test-${user.username}`,
      user.username,
      user.displayName,
      await new PasswordHasher(testPasswordCost).hash(user.password),
      user.role,
    );
}

export function setActive(engine: Engine, username: string, active: boolean): void {
  engine.db.$client.prepare('UPDATE users SET active = ? WHERE username = ?').run(active ? 1 : 0, username);
}

import { cliActor, type Engine } from '../../../src/engine';
import { PasswordHasher } from '../../../src/engine/services/auth/password';
import type { ApiInput } from '../../../src/shared/api';
import { callOk, testPasswordCost } from './ledger';

/** What the administrator types for a new account before handing it over: the user replaces it at once. */
export const temporaryPassword = (password: string) => `Temp#${password}`;

/**
 * An account made as the administrator makes one (users.create, with a temporary password), then signed in
 * by its user the first time, who chooses `user.password` as they must (a created account's password is
 * temporary): from then on it signs in with `user.password`. `adminSession` null: the CLI creates it.
 */
export async function createAccount(
  engine: Engine,
  adminSession: string | null,
  user: ApiInput<'users.create'>,
): Promise<{ id: number }> {
  const first = temporaryPassword(user.password);
  const { id } =
    adminSession === null
      ? await callAsCli(engine, { ...user, password: first })
      : await callOk(engine, 'users.create', { ...user, password: first }, adminSession);
  const { session } = await callOk(engine, 'auth.login', { username: user.username, password: first });
  await callOk(
    engine,
    'auth.changePassword',
    { currentPassword: first, newPassword: user.password },
    session,
  );
  return { id };
}

async function callAsCli(engine: Engine, input: ApiInput<'users.create'>): Promise<{ id: number }> {
  const response = await engine.callAs(cliActor, 'users.create', input);
  if (!response.ok) throw new Error(`users.create: ${response.error.code} ${response.error.message}`);
  return response.result as { id: number };
}

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

/** Sets a role's customer scope, as the administrator does on the roles page, keeping the rest of it. */
export async function setRoleCustomerScope(
  engine: Engine,
  adminSession: string,
  roleCode: string,
  customerScope: 'own' | 'office' | 'all',
): Promise<void> {
  const { roles } = await callOk(engine, 'roles.list', {}, adminSession);
  const role = roles.find((candidate) => candidate.code === roleCode)!;
  await callOk(
    engine,
    'roles.save',
    {
      id: role.id,
      version: role.version,
      role: {
        code: role.code,
        name: role.name,
        permissions: role.permissions,
        warehouseScope: role.warehouseScope,
        customerScope,
      },
    },
    adminSession,
  );
}

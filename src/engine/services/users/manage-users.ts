import { asc, eq, sql } from 'drizzle-orm';
import { roles, users } from '../../db/schema';
import { administratorRole } from '../../domain/access/roles';
import { newUid } from '../../db/uid';
import { LedgerError } from '../../../shared/ledger-error';
import { recordAudit } from '../audit/record-audit';
import type { PasswordHasher } from '../auth/password';
import type { ServiceContext } from '../context';

/** What the administrator sees of each account: never the hash. */
export function listAccounts(ctx: ServiceContext) {
  return ctx.db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      active: users.active,
      failedAttempts: users.failedAttempts,
      lockedUntil: users.lockedUntil,
      mustChangePassword: users.mustChangePassword,
      lastLoginAt: users.lastLoginAt,
      createdAt: users.createdAt,
    })
    .from(users)
    .orderBy(asc(users.username))
    .all();
}

function findAccount(ctx: ServiceContext, id: number) {
  const user = ctx.db.select().from(users).where(eq(users.id, id)).get();
  if (!user) throw new LedgerError('NOT_FOUND', `用户（编号 ${id}）不存在。`);
  return user;
}

/** A user holds a role that exists (roles table): one typed by hand or removed meanwhile is refused. */
function assertRoleExists(ctx: ServiceContext, code: string): void {
  if (!ctx.db.select({ id: roles.id }).from(roles).where(eq(roles.code, code)).get()) {
    throw new LedgerError('VALIDATION', `角色【${code}】不存在。`, {
      issues: [{ path: ['role'], message: `角色【${code}】不存在。` }],
    });
  }
}

/** The branch must always keep an administrator who can sign in. */
function assertAnotherAdministrator(ctx: ServiceContext, exceptId: number): void {
  const others = ctx.db
    .select({ id: users.id, role: users.role, active: users.active })
    .from(users)
    .all()
    .filter((user) => user.id !== exceptId && user.role === administratorRole && user.active);
  if (others.length === 0) {
    throw new LedgerError('CONFLICT', '这是唯一的管理员账户，不能停用或改为其他角色；请先另设一位管理员。');
  }
}

/**
 * A new account, with a password the administrator chose and knows: like a reset one, it is temporary, and
 * the user chooses their own at the first login (ASVS 4.0.3 2.3.1; the branch's first administrator, made
 * by setup with a password they chose themselves, is not made here).
 */
export async function createUser(
  ctx: ServiceContext,
  passwords: PasswordHasher,
  input: { username: string; displayName: string; role: string; password: string },
): Promise<{ id: number }> {
  const passwordHash = await passwords.hash(input.password);
  return ctx.db.transaction((tx) => {
    assertRoleExists(ctx, input.role);
    if (tx.select({ id: users.id }).from(users).where(eq(users.username, input.username)).get()) {
      throw new LedgerError('CONFLICT', `用户名 ${input.username} 已存在。`);
    }
    const created = tx
      .insert(users)
      .values({
        uid: newUid(),
        username: input.username,
        displayName: input.displayName,
        role: input.role,
        passwordHash,
        mustChangePassword: true,
        createdAt: ctx.clock.now().toISOString(),
      })
      .returning({ id: users.id })
      .get();
    recordAudit(tx, ctx, {
      action: 'user.create',
      entity: 'user',
      entityKey: input.username,
      after: { username: input.username, displayName: input.displayName, role: input.role },
      detail: `${input.displayName}（${input.role}）；首次登录须修改密码`,
    });
    return created;
  });
}

/** Ends every session of the user at its next call: part of the caller's transaction. */
const endSessions = { sessionGeneration: sql`${users.sessionGeneration} + 1` };

/**
 * A changed role or a disabled account ends the user's sessions (OWASP Session Management Cheat
 * Sheet: a new session after any change of privilege level), so nobody works on under a role they no
 * longer hold; the user signs in again under the new one. A new display name leaves them signed in.
 */
export function updateUser(
  ctx: ServiceContext,
  id: number,
  change: { displayName?: string; role?: string; active?: boolean },
): void {
  const user = findAccount(ctx, id);
  if (change.role !== undefined) assertRoleExists(ctx, change.role);
  const demoted =
    change.role !== undefined && change.role !== administratorRole && user.role === administratorRole;
  const disabled = change.active === false && user.active && user.role === administratorRole;
  if (demoted || disabled) assertAnotherAdministrator(ctx, id);
  ctx.db.transaction((tx) => {
    const before = { displayName: user.displayName, role: user.role, active: user.active };
    const after = {
      ...before,
      ...Object.fromEntries(Object.entries(change).filter(([, value]) => value !== undefined)),
    };
    const sessionsEnd = after.role !== user.role || (user.active && after.active === false);
    tx.update(users)
      .set({ ...after, ...(sessionsEnd ? endSessions : {}) })
      .where(eq(users.id, id))
      .run();
    recordAudit(tx, ctx, {
      action: 'user.update',
      entity: 'user',
      entityKey: user.username,
      before,
      after,
      ...(sessionsEnd ? { detail: '该用户的登录已全部退出' } : {}),
    });
  });
}

/**
 * A new password set by the administrator; it also lifts a lockout and ends the user's sessions. The
 * administrator knows this password, so the user must choose their own at the next login (ASVS
 * 4.0.3 2.3.1: a password someone else set must not become the long-term one) — unless the
 * administrator reset their own. Ending the sessions is ASVS 3.3.3's "including change via reset".
 */
export async function resetPassword(
  ctx: ServiceContext,
  passwords: PasswordHasher,
  id: number,
  password: string,
): Promise<void> {
  const user = findAccount(ctx, id);
  const passwordHash = await passwords.hash(password);
  const mustChangePassword = ctx.actor.userId !== id;
  ctx.db.transaction((tx) => {
    tx.update(users)
      .set({ passwordHash, failedAttempts: 0, lockedUntil: null, mustChangePassword, ...endSessions })
      .where(eq(users.id, id))
      .run();
    recordAudit(tx, ctx, {
      action: 'user.reset_password',
      entity: 'user',
      entityKey: user.username,
      detail: mustChangePassword ? '下次登录须修改密码；该用户的登录已全部退出' : '该用户的登录已全部退出',
    });
  });
}

/** 解锁: ends a lockout early, when the person has proven who they are some other way. */
export function unlockUser(ctx: ServiceContext, id: number): void {
  const user = findAccount(ctx, id);
  ctx.db.transaction((tx) => {
    tx.update(users).set({ failedAttempts: 0, lockedUntil: null }).where(eq(users.id, id)).run();
    recordAudit(tx, ctx, { action: 'user.unlock', entity: 'user', entityKey: user.username });
  });
}

import { eq, sql } from 'drizzle-orm';
import { users } from '../../db/schema';
import { afterFailedLogin, isLocked, lockout } from '../../domain/access/password-policy';
import { LedgerError } from '../../../shared/ledger-error';
import { recordAudit } from '../audit/record-audit';
import type { ServiceContext } from '../context';
import type { AuthState } from './auth-state';

/**
 * 修改密码: the signed-in user replaces their own password, proving the current one first (a session
 * left open on a desk must not be enough). Every session of the user ends with the old password —
 * this one too — and a new session is returned in its place (OWASP ASVS 4.0.3 3.3.3: other sessions
 * end on a password change; 3.2.1: a fresh token after authenticating). A wrong current password
 * counts towards the account's lockout and its source's throttle like a wrong login, so an open
 * session cannot be used to guess the password without limit.
 */
export async function changeOwnPassword(
  ctx: ServiceContext,
  auth: AuthState,
  call: { session: string; source: string },
  change: { currentPassword: string; newPassword: string },
): Promise<{ session: string }> {
  const now = ctx.clock.now();
  const userId = ctx.actor.userId;
  const user = userId === null ? undefined : ctx.db.select().from(users).where(eq(users.id, userId)).get();
  if (!user) throw new LedgerError('UNAUTHENTICATED', '登录已失效，请重新登录。');
  if (isLocked(user, now)) {
    throw new LedgerError(
      'ACCOUNT_LOCKED',
      `当前密码连续输错 ${lockout.maxFailedAttempts} 次，账户已锁定，请稍后再试，或请管理员解锁。`,
      { lockedUntil: user.lockedUntil },
    );
  }
  if (change.newPassword === change.currentPassword) {
    throw new LedgerError('VALIDATION', '新密码不能与当前密码相同。', {
      issues: [{ path: ['newPassword'], message: '新密码不能与当前密码相同' }],
    });
  }

  const currentMatches = await auth.passwords.verify(change.currentPassword, user.passwordHash);
  const newHash = currentMatches ? await auth.passwords.hash(change.newPassword) : null;

  const outcome = ctx.db.transaction((tx) => {
    const current = tx.select().from(users).where(eq(users.id, user.id)).get()!;
    if (!newHash || current.passwordHash !== user.passwordHash) {
      const next = afterFailedLogin(current, now);
      tx.update(users).set(next).where(eq(users.id, current.id)).run();
      auth.sources.recordFailure(call.source, now);
      recordAudit(tx, ctx, {
        action: 'auth.change_password_failed',
        entity: 'user',
        entityKey: current.username,
        detail: `当前密码错误，连续第 ${next.failedAttempts} 次；来源 ${call.source}`,
      });
      return {
        refused: new LedgerError('WRONG_CREDENTIALS', '当前密码不正确。', {
          issues: [{ path: ['currentPassword'], message: '当前密码不正确' }],
        }),
      };
    }
    const changed = tx
      .update(users)
      .set({
        passwordHash: newHash,
        mustChangePassword: false,
        failedAttempts: 0,
        lockedUntil: null,
        sessionGeneration: sql`${users.sessionGeneration} + 1`,
      })
      .where(eq(users.id, current.id))
      .returning({ sessionGeneration: users.sessionGeneration })
      .get();
    recordAudit(tx, ctx, {
      action: 'auth.change_password',
      entity: 'user',
      entityKey: current.username,
      detail: '本人修改密码，其他登录已全部退出',
    });
    return { generation: changed.sessionGeneration };
  });
  if ('refused' in outcome) throw outcome.refused;
  auth.sessions.revoke(call.session);
  return { session: auth.sessions.create(user.id, outcome.generation, now) };
}

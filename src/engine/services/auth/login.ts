import { eq } from 'drizzle-orm';
import dayjs from 'dayjs';
import { users } from '../../db/schema';
import { afterFailedLogin, attemptsLeft, isLocked } from '../../domain/access/password-policy';
import { LedgerError } from '../../domain/ledger-error';
import { recordAudit } from '../audit/record-audit';
import type { ServiceContext } from '../context';
import { verifyPassword } from './password';
import type { SessionStore } from './sessions';
import { toSignedInUser, type SignedInUser } from './signed-in-user';

const wrongCredentials = (left: number) =>
  new LedgerError(
    'WRONG_CREDENTIALS',
    left > 0 ? `用户名或密码错误，还可再试 ${left} 次。` : '用户名或密码错误。',
    { attemptsLeft: left },
  );

function lockedError(lockedUntil: string) {
  return new LedgerError(
    'ACCOUNT_LOCKED',
    `密码连续输错 5 次，账户已锁定，请在 ${dayjs(lockedUntil).format('HH:mm')} 之后再试，或请管理员解锁。`,
    { lockedUntil },
  );
}

/**
 * Signs a user in. Every attempt, good or bad, is in the audit log; the fifth wrong password in a
 * row locks the account (domain/access/password-policy.ts). An unknown name gets the same answer
 * as a wrong password so that names cannot be probed.
 */
export async function login(
  ctx: ServiceContext,
  sessions: SessionStore,
  credentials: { username: string; password: string },
): Promise<{ session: string; user: SignedInUser }> {
  const now = ctx.clock.now();
  const user = ctx.db.select().from(users).where(eq(users.username, credentials.username)).get();

  if (!user || !user.active) {
    ctx.db.transaction((tx) =>
      recordAudit(tx, ctx, {
        action: 'auth.login_failed',
        entity: 'user',
        entityKey: credentials.username,
        username: credentials.username,
        detail: user ? '账户已停用' : '无此用户',
      }),
    );
    throw wrongCredentials(0);
  }

  if (isLocked(user, now)) {
    ctx.db.transaction((tx) =>
      recordAudit(tx, ctx, {
        action: 'auth.login_refused_locked',
        entity: 'user',
        entityKey: user.username,
        username: user.username,
      }),
    );
    throw lockedError(user.lockedUntil!);
  }

  // Hashing is the slow part; it runs outside the transaction so the database stays free meanwhile.
  const passwordMatches = await verifyPassword(credentials.password, user.passwordHash);

  if (!passwordMatches) {
    const next = afterFailedLogin(user, now);
    ctx.db.transaction((tx) => {
      tx.update(users).set(next).where(eq(users.id, user.id)).run();
      recordAudit(tx, ctx, {
        action: next.lockedUntil ? 'auth.account_locked' : 'auth.login_failed',
        entity: 'user',
        entityKey: user.username,
        username: user.username,
        detail: `连续第 ${next.failedAttempts} 次密码错误`,
      });
    });
    throw next.lockedUntil ? lockedError(next.lockedUntil) : wrongCredentials(attemptsLeft(next));
  }

  ctx.db.transaction((tx) => {
    tx.update(users)
      .set({ failedAttempts: 0, lockedUntil: null, lastLoginAt: now.toISOString() })
      .where(eq(users.id, user.id))
      .run();
    recordAudit(tx, ctx, {
      action: 'auth.login',
      entity: 'user',
      entityKey: user.username,
      username: user.username,
    });
  });
  return { session: sessions.create(user.id, now), user: toSignedInUser(user) };
}

export function logout(ctx: ServiceContext, sessions: SessionStore, session: string): void {
  sessions.revoke(session);
  ctx.db.transaction((tx) =>
    recordAudit(tx, ctx, { action: 'auth.logout', entity: 'user', entityKey: ctx.actor.username }),
  );
}

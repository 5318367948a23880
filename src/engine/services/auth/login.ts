import { eq } from 'drizzle-orm';
import dayjs from 'dayjs';
import type { LedgerTx } from '../../db/connection';
import { users } from '../../db/schema';
import {
  afterFailedLogin,
  attemptsLeft,
  isLocked,
  type LoginState,
} from '../../domain/access/password-policy';
import { LedgerError } from '../../../shared/ledger-error';
import { recordAudit } from '../audit/record-audit';
import type { ServiceContext } from '../context';
import type { AuthState } from './auth-state';
import { hashPassword, verifyPassword } from './password';
import { toSignedInUser, type SignedInUser } from './signed-in-user';

function wrongCredentials(state: LoginState) {
  const left = attemptsLeft(state);
  return new LedgerError('WRONG_CREDENTIALS', `用户名或密码错误，还可再试 ${left} 次。`, {
    attemptsLeft: left,
  });
}

function accountLocked(lockedUntil: string) {
  return new LedgerError(
    'ACCOUNT_LOCKED',
    `密码连续输错 5 次，账户已锁定，请在 ${dayjs(lockedUntil).format('HH:mm')} 之后再试，或请管理员解锁。`,
    { lockedUntil },
  );
}

/** Checked against when the name has no account, so that an unknown name costs as long as a known one. */
let decoyHash: Promise<string> | null = null;

function readUser(db: ServiceContext['db'] | LedgerTx, username: string) {
  return db.select().from(users).where(eq(users.username, username)).get();
}

/**
 * Signs a user in. Every attempt, good or bad, is in the audit log; the fifth wrong password in a
 * row locks the account for 15 minutes (domain/access/password-policy.ts). A name without an
 * active account gets exactly the answers a real one would, so names cannot be probed.
 */
export async function login(
  ctx: ServiceContext,
  auth: AuthState,
  credentials: { username: string; password: string },
): Promise<{ session: string; user: SignedInUser }> {
  const now = ctx.clock.now();
  const { username, password } = credentials;
  const user = readUser(ctx.db, username);
  const audit = (action: string, detail?: string) =>
    ctx.db.transaction((tx) =>
      recordAudit(tx, ctx, { action, entity: 'user', entityKey: username, username, detail }),
    );

  if (!user || !user.active) {
    const state = auth.unknownNames.get(username);
    const reason = user ? '账户已停用' : '无此用户';
    if (isLocked(state, now)) {
      audit('auth.login_refused_locked', reason);
      throw accountLocked(state.lockedUntil!);
    }
    decoyHash ??= hashPassword('decoy: no account has this password');
    await verifyPassword(password, await decoyHash);
    const next = afterFailedLogin(state, now);
    auth.unknownNames.set(username, next);
    audit(next.lockedUntil ? 'auth.account_locked' : 'auth.login_failed', reason);
    throw next.lockedUntil ? accountLocked(next.lockedUntil) : wrongCredentials(next);
  }

  if (isLocked(user, now)) {
    audit('auth.login_refused_locked');
    throw accountLocked(user.lockedUntil!);
  }

  // Hashing is the slow part; it runs outside any transaction so the database stays free meanwhile.
  const passwordMatches = await verifyPassword(password, user.passwordHash);

  // Other attempts may have run while this one hashed: decide on the account as it is now, in one
  // transaction, so that five wrong passwords sent at once still lock it.
  const outcome = ctx.db.transaction((tx) => {
    const current = readUser(tx, username)!;
    if (isLocked(current, now)) {
      recordAudit(tx, ctx, {
        action: 'auth.login_refused_locked',
        entity: 'user',
        entityKey: username,
        username,
      });
      return { refused: accountLocked(current.lockedUntil!) };
    }
    if (!passwordMatches) {
      const next = afterFailedLogin(current, now);
      tx.update(users).set(next).where(eq(users.id, current.id)).run();
      recordAudit(tx, ctx, {
        action: next.lockedUntil ? 'auth.account_locked' : 'auth.login_failed',
        entity: 'user',
        entityKey: username,
        username,
        detail: `连续第 ${next.failedAttempts} 次密码错误`,
      });
      return { refused: next.lockedUntil ? accountLocked(next.lockedUntil) : wrongCredentials(next) };
    }
    tx.update(users)
      .set({ failedAttempts: 0, lockedUntil: null, lastLoginAt: now.toISOString() })
      .where(eq(users.id, current.id))
      .run();
    recordAudit(tx, ctx, { action: 'auth.login', entity: 'user', entityKey: username, username });
    return { user: toSignedInUser(current) };
  });
  if ('refused' in outcome) throw outcome.refused;
  return { session: auth.sessions.create(outcome.user.id, now), user: outcome.user };
}

export function logout(ctx: ServiceContext, auth: AuthState, session: string): void {
  auth.sessions.revoke(session);
  ctx.db.transaction((tx) =>
    recordAudit(tx, ctx, { action: 'auth.logout', entity: 'user', entityKey: ctx.actor.username }),
  );
}

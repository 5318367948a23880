import { eq } from 'drizzle-orm';
import dayjs from 'dayjs';
import type { LedgerTx } from '../../db/connection';
import { users } from '../../db/schema';
import {
  afterFailedLogin,
  attemptsLeft,
  lockBinds,
  lockedSince,
  lockout,
  type LoginState,
} from '../../domain/access/password-policy';
import { hasRecentFailures, sourceBlockedUntil } from '../../domain/access/source-throttle';
import { LedgerError } from '../../../shared/ledger-error';
import { recordAudit } from '../audit/record-audit';
import type { ServiceContext } from '../context';
import type { AuthState } from './auth-state';
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
    `密码连续输错 ${lockout.maxFailedAttempts} 次，账户已锁定，请在 ${dayjs(lockedUntil).format('HH:mm')} 之后再试，或请管理员解锁。`,
    { lockedUntil },
  );
}

function sourceThrottled(retryAt: Date, now: Date) {
  const seconds = Math.ceil((retryAt.getTime() - now.getTime()) / 1000);
  const wait = seconds < 120 ? `${seconds} 秒` : `${Math.ceil(seconds / 60)} 分钟`;
  return new LedgerError('LOGIN_THROTTLED', `此处登录失败次数过多，请 ${wait}后再试。`, {
    retryAt: retryAt.toISOString(),
  });
}

function readUser(db: ServiceContext['db'] | LedgerTx, username: string) {
  return db.select().from(users).where(eq(users.username, username)).get();
}

/**
 * Signs a user in from `source` (the transport's: a web client's address, or the desktop). Every
 * attempt, good or bad, is in the audit log with its source. Two counts stand guard: the account's
 * (the fifth wrong password in a row locks it for 15 minutes, kept in the users table so a restart
 * does not reset it) and the source's (growing delays, domain/access/source-throttle.ts). The
 * account's lock binds the sources with recent failures, not the one the rightful user signs in from
 * (password-policy.ts `lockBinds`, ASVS 2.2.1). A name without an active account gets exactly the
 * answers a real one would, so names cannot be probed.
 */
export async function login(
  ctx: ServiceContext,
  auth: AuthState,
  credentials: { username: string; password: string },
  source: string,
): Promise<{ session: string; user: SignedInUser }> {
  const now = ctx.clock.now();
  const { username, password } = credentials;
  const user = readUser(ctx.db, username);
  const fromSource = (detail?: string) => (detail ? `${detail}；来源 ${source}` : `来源 ${source}`);
  // The words for the CLI and exports; the figures for the audit page to word in the reader's language.
  const audit = (tx: LedgerTx, action: string, detail?: string, failedAttempts?: number) =>
    recordAudit(tx, ctx, {
      action,
      entity: 'user',
      entityKey: username,
      username,
      detail: fromSource(detail),
      after: { source, ...(failedAttempts === undefined ? {} : { failedAttempts }) },
    });
  const auditAlone = (action: string, detail?: string) =>
    ctx.db.transaction((tx) => audit(tx, action, detail));
  // Which sources failed is known only for failures this engine saw: a lock set before it started
  // (the app was restarted) binds every source until it runs out, so a restart buys no guesses.
  const sourceIsSuspect = (state: LoginState) =>
    hasRecentFailures(auth.sources.get(source), now) ||
    (lockedSince(state)?.getTime() ?? Infinity) < auth.startedAt.getTime();
  const blockedUntil = sourceBlockedUntil(auth.sources.get(source), now);

  if (!user || !user.active) {
    const state = auth.unknownNames.get(username);
    const reason = user ? '账户已停用' : '无此用户';
    if (lockBinds(state, now, sourceIsSuspect(state))) {
      auditAlone('auth.login_refused_locked', reason);
      throw accountLocked(state.lockedUntil!);
    }
    if (blockedUntil) {
      auditAlone('auth.login_throttled', reason);
      throw sourceThrottled(blockedUntil, now);
    }
    await auth.passwords.verifyDecoy(password);
    const next = afterFailedLogin(state, now);
    auth.unknownNames.set(username, next);
    auth.sources.recordFailure(source, now);
    auditAlone(next.lockedUntil ? 'auth.account_locked' : 'auth.login_failed', reason);
    throw next.lockedUntil ? accountLocked(next.lockedUntil) : wrongCredentials(next);
  }

  if (lockBinds(user, now, sourceIsSuspect(user))) {
    auditAlone('auth.login_refused_locked');
    throw accountLocked(user.lockedUntil!);
  }
  if (blockedUntil) {
    auditAlone('auth.login_throttled');
    throw sourceThrottled(blockedUntil, now);
  }

  // Hashing is the slow part; it runs outside any transaction so the database stays free meanwhile.
  const passwordMatches = await auth.passwords.verify(password, user.passwordHash);
  // A hash from before the cost was raised is replaced now, while the password is at hand.
  const upgradedHash =
    passwordMatches && auth.passwords.isBelowCost(user.passwordHash)
      ? await auth.passwords.hash(password)
      : null;

  // Other attempts may have run while this one hashed: decide on the account as it is now, in one
  // transaction, so that five wrong passwords sent at once still lock it.
  const outcome = ctx.db.transaction((tx) => {
    const current = readUser(tx, username)!;
    if (lockBinds(current, now, sourceIsSuspect(current))) {
      audit(tx, 'auth.login_refused_locked');
      return { refused: accountLocked(current.lockedUntil!) };
    }
    // A password changed meanwhile was not the one checked.
    if (!passwordMatches || current.passwordHash !== user.passwordHash) {
      const next = afterFailedLogin(current, now);
      tx.update(users).set(next).where(eq(users.id, current.id)).run();
      auth.sources.recordFailure(source, now);
      audit(
        tx,
        next.lockedUntil ? 'auth.account_locked' : 'auth.login_failed',
        `连续第 ${next.failedAttempts} 次密码错误`,
        next.failedAttempts,
      );
      return { refused: next.lockedUntil ? accountLocked(next.lockedUntil) : wrongCredentials(next) };
    }
    tx.update(users)
      .set({
        failedAttempts: 0,
        lockedUntil: null,
        lastLoginAt: now.toISOString(),
        ...(upgradedHash ? { passwordHash: upgradedHash } : {}),
      })
      .where(eq(users.id, current.id))
      .run();
    audit(tx, 'auth.login', upgradedHash ? '密码已按当前强度重新加密' : undefined);
    return { user: toSignedInUser(current), generation: current.sessionGeneration };
  });
  if ('refused' in outcome) throw outcome.refused;
  return { session: auth.sessions.create(outcome.user.id, outcome.generation, now), user: outcome.user };
}

export function logout(ctx: ServiceContext, auth: AuthState, session: string): void {
  auth.sessions.revoke(session);
  ctx.db.transaction((tx) =>
    recordAudit(tx, ctx, { action: 'auth.logout', entity: 'user', entityKey: ctx.actor.username }),
  );
}

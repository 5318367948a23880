/** Password and lockout rules for signing in. */

export const passwordMinLength = 8;

/**
 * Five wrong passwords in a row lock the account for fifteen minutes. The lock binds the sources the
 * guesses came from (see `lockBinds`); at twenty failures it binds every source.
 */
export const lockout = { maxFailedAttempts: 5, durationMs: 15 * 60 * 1000, bindsEverySourceAt: 20 } as const;

export interface LoginState {
  failedAttempts: number;
  lockedUntil: string | null;
}

export function isLocked(state: LoginState, now: Date): boolean {
  return state.lockedUntil !== null && new Date(state.lockedUntil).getTime() > now.getTime();
}

/**
 * Whether a live lock refuses this attempt before the password is even checked. OWASP ASVS 4.0.3
 * 2.2.1 asks that anti-automation stop brute force *and* account-lockout attacks, with no more than
 * 100 failed attempts an hour on one account. A lock that bound everyone would let anybody who can
 * reach the login keep the administrator out by guessing at the name `admin`; so a lock holds against
 * sources with recent failures (the guesser's), while a source with none — the person at their own
 * desk — may still present the password. Each wrong password from such a source counts on the account
 * too, and at `bindsEverySourceAt` failures the lock binds every source: fresh sources cannot buy
 * unlimited guesses (at most about 20 per lock, well under ASVS's 100 an hour).
 */
export function lockBinds(state: LoginState, now: Date, sourceHasRecentFailures: boolean): boolean {
  if (!isLocked(state, now)) return false;
  return sourceHasRecentFailures || state.failedAttempts >= lockout.bindsEverySourceAt;
}

/** Every failure in a lock extends it, so the lock's start is the last failure's time. */
export function lockedSince(state: LoginState): Date | null {
  return state.lockedUntil === null
    ? null
    : new Date(new Date(state.lockedUntil).getTime() - lockout.durationMs);
}

/** The state after a wrong password: the fifth failure in a row starts a lock, later ones extend it. */
export function afterFailedLogin(state: LoginState, now: Date): LoginState {
  // A lock that has run out starts a fresh count.
  const previous = state.lockedUntil !== null && !isLocked(state, now) ? 0 : state.failedAttempts;
  const failedAttempts = previous + 1;
  if (failedAttempts >= lockout.maxFailedAttempts) {
    return { failedAttempts, lockedUntil: new Date(now.getTime() + lockout.durationMs).toISOString() };
  }
  return { failedAttempts, lockedUntil: null };
}

export function attemptsLeft(state: LoginState): number {
  return Math.max(0, lockout.maxFailedAttempts - state.failedAttempts);
}

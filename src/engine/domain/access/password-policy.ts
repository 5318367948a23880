/** Password and lockout rules for signing in. */

export const passwordMinLength = 8;

/** Five wrong passwords in a row lock the account for fifteen minutes. */
export const lockout = { maxFailedAttempts: 5, durationMs: 15 * 60 * 1000 } as const;

export interface LoginState {
  failedAttempts: number;
  lockedUntil: string | null;
}

export function isLocked(state: LoginState, now: Date): boolean {
  return state.lockedUntil !== null && new Date(state.lockedUntil).getTime() > now.getTime();
}

/** The state after a wrong password: the fifth failure in a row starts a lock. */
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

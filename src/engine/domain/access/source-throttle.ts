/**
 * Throttling of failed logins per source (the address a web request came from; in the desktop app
 * the one local source): OWASP ASVS 4.0.3 2.2.1's "ever increasing delays between attempts". It
 * slows guessing across many names from one place, and it is what marks a source as one with recent
 * failures, which an account's lock then binds (password-policy.ts `lockBinds`).
 *
 * Ten failures are free — two accounts' worth of typing mistakes, so a clerk whose own account locked
 * and the administrator who then signs in at the same desk are not also made to wait. After that each
 * failure makes the source wait twice as long as the last, from 30 seconds up to 15 minutes. A source
 * is forgotten an hour after its last failure.
 */
export const sourceThrottle = {
  freeFailures: 10,
  firstDelayMs: 30 * 1000,
  maxDelayMs: 15 * 60 * 1000,
  memoryMs: 60 * 60 * 1000,
} as const;

export interface SourceState {
  failures: number;
  lastFailureAt: number;
  blockedUntil: number | null;
}

function isRemembered(state: SourceState | undefined, now: Date): state is SourceState {
  return state !== undefined && now.getTime() - state.lastFailureAt <= sourceThrottle.memoryMs;
}

export function hasRecentFailures(state: SourceState | undefined, now: Date): boolean {
  return isRemembered(state, now) && state.failures > 0;
}

/** When the source may try again, if it must still wait. */
export function sourceBlockedUntil(state: SourceState | undefined, now: Date): Date | null {
  if (!isRemembered(state, now) || state.blockedUntil === null) return null;
  return state.blockedUntil > now.getTime() ? new Date(state.blockedUntil) : null;
}

export function afterSourceFailure(state: SourceState | undefined, now: Date): SourceState {
  const failures = (isRemembered(state, now) ? state.failures : 0) + 1;
  const over = failures - sourceThrottle.freeFailures;
  const delay =
    over > 0 ? Math.min(sourceThrottle.firstDelayMs * 2 ** (over - 1), sourceThrottle.maxDelayMs) : null;
  return {
    failures,
    lastFailureAt: now.getTime(),
    blockedUntil: delay === null ? null : now.getTime() + delay,
  };
}

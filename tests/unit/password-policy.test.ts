import { describe, expect, it } from 'vitest';
import {
  afterFailedLogin,
  attemptsLeft,
  isLocked,
  lockBinds,
  lockedSince,
  lockout,
  type LoginState,
} from '../../src/engine/domain/access/password-policy';

const minute = 60 * 1000;
const start = new Date('2026-03-02T09:00:00.000Z');
const at = (offsetMs: number) => new Date(start.getTime() + offsetMs);
const fresh: LoginState = { failedAttempts: 0, lockedUntil: null };

function failTimes(times: number, state: LoginState = fresh, now = start): LoginState {
  let next = state;
  for (let i = 0; i < times; i += 1) next = afterFailedLogin(next, now);
  return next;
}

describe('lockout after wrong passwords', () => {
  it('locks after five wrong passwords for fifteen minutes', () => {
    expect(lockout).toEqual({ maxFailedAttempts: 5, durationMs: 15 * minute, bindsEverySourceAt: 20 });
  });

  it.each([
    { failures: 1, attemptsLeft: 4 },
    { failures: 2, attemptsLeft: 3 },
    { failures: 3, attemptsLeft: 2 },
    { failures: 4, attemptsLeft: 1 },
  ])('after $failures wrong password(s) the account is open with $attemptsLeft attempt(s) left', (row) => {
    const state = failTimes(row.failures);
    expect(state).toEqual({ failedAttempts: row.failures, lockedUntil: null });
    expect(isLocked(state, start)).toBe(false);
    expect(attemptsLeft(state)).toBe(row.attemptsLeft);
  });

  it('the fifth wrong password locks the account until exactly fifteen minutes later', () => {
    const state = failTimes(5);
    expect(state).toEqual({ failedAttempts: 5, lockedUntil: '2026-03-02T09:15:00.000Z' });
    expect(attemptsLeft(state)).toBe(0);
  });

  it.each([
    { after: 'at once', offsetMs: 0, locked: true },
    { after: '14:59.999', offsetMs: 15 * minute - 1, locked: true },
    { after: 'exactly 15:00', offsetMs: 15 * minute, locked: false },
    { after: '15:01', offsetMs: 15 * minute + 1000, locked: false },
  ])('a lock taken at 09:00, checked $after, is locked: $locked', (row) => {
    expect(isLocked(failTimes(5), at(row.offsetMs))).toBe(row.locked);
  });

  it('an account that never failed is not locked and has five attempts', () => {
    expect(isLocked(fresh, start)).toBe(false);
    expect(attemptsLeft(fresh)).toBe(5);
  });

  it.each([
    { when: 'one second after the lock ran out', offsetMs: 15 * minute + 1000 },
    { when: 'the moment the lock runs out', offsetMs: 15 * minute },
    { when: 'a day later', offsetMs: 24 * 60 * minute },
  ])('a wrong password $when starts a fresh count instead of locking again', (row) => {
    const next = afterFailedLogin(failTimes(5), at(row.offsetMs));
    expect(next).toEqual({ failedAttempts: 1, lockedUntil: null });
    expect(attemptsLeft(next)).toBe(4);
  });

  it('without a lock, wrong passwords keep counting however far apart they are', () => {
    const threeYesterday = failTimes(3, fresh, at(-24 * 60 * minute));
    expect(afterFailedLogin(threeYesterday, start)).toEqual({ failedAttempts: 4, lockedUntil: null });
  });

  it('never reports a negative number of attempts left', () => {
    expect(attemptsLeft({ failedAttempts: 7, lockedUntil: null })).toBe(0);
  });
});

describe('whom a lock holds (ASVS 2.2.1: guesses must not lock out the rightful user)', () => {
  it.each([
    { state: 'open', failures: 4, sourceFailed: true, binds: false },
    { state: 'locked', failures: 5, sourceFailed: true, binds: true },
    { state: 'locked', failures: 5, sourceFailed: false, binds: false },
    { state: 'locked', failures: 19, sourceFailed: false, binds: false },
    { state: 'locked', failures: 20, sourceFailed: false, binds: true },
  ])(
    '$state after $failures failures, source with failures: $sourceFailed → refused unchecked: $binds',
    (row) => {
      expect(lockBinds(failTimes(row.failures), start, row.sourceFailed)).toBe(row.binds);
    },
  );

  it('a lock that ran out holds nobody', () => {
    expect(lockBinds(failTimes(20), at(15 * minute), true)).toBe(false);
  });

  it('each failure during a lock extends it, so the lock started at the last failure', () => {
    const state = afterFailedLogin(failTimes(5), at(2 * minute));
    expect(state.lockedUntil).toBe('2026-03-02T09:17:00.000Z');
    expect(lockedSince(state)).toEqual(at(2 * minute));
    expect(lockedSince(fresh)).toBeNull();
  });
});

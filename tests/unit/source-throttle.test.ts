import { describe, expect, it } from 'vitest';
import {
  afterSourceFailure,
  hasRecentFailures,
  sourceBlockedUntil,
  sourceThrottle,
  type SourceState,
} from '../../src/engine/domain/access/source-throttle';

const second = 1000;
const minute = 60 * second;
const start = new Date('2026-03-02T09:00:00.000Z');
const at = (offsetMs: number) => new Date(start.getTime() + offsetMs);

function failTimes(times: number, now = start, state?: SourceState): SourceState | undefined {
  let next = state;
  for (let i = 0; i < times; i += 1) next = afterSourceFailure(next, now);
  return next;
}

describe('throttling failed logins per source', () => {
  it('ten failures are free, then 30 s, doubling up to 15 minutes, forgotten an hour after the last', () => {
    expect(sourceThrottle).toEqual({
      freeFailures: 10,
      firstDelayMs: 30 * second,
      maxDelayMs: 15 * minute,
      memoryMs: 60 * minute,
    });
  });

  it.each([
    { failures: 10, waitMs: null },
    { failures: 11, waitMs: 30 * second },
    { failures: 12, waitMs: 60 * second },
    { failures: 13, waitMs: 2 * minute },
    { failures: 15, waitMs: 8 * minute },
    { failures: 16, waitMs: 15 * minute },
    { failures: 40, waitMs: 15 * minute },
  ])('after $failures failures the source waits $waitMs ms', ({ failures, waitMs }) => {
    const state = failTimes(failures);
    expect(sourceBlockedUntil(state, start)).toEqual(waitMs === null ? null : at(waitMs));
    expect(hasRecentFailures(state, start)).toBe(true);
  });

  it('the wait ends at exactly its time', () => {
    const state = failTimes(11);
    expect(sourceBlockedUntil(state, at(30 * second - 1))).toEqual(at(30 * second));
    expect(sourceBlockedUntil(state, at(30 * second))).toBeNull();
  });

  it('a source never seen, or last failing more than an hour ago, is clean and starts a fresh count', () => {
    expect(hasRecentFailures(undefined, start)).toBe(false);
    const old = failTimes(14);
    expect(hasRecentFailures(old, at(60 * minute))).toBe(true);
    expect(hasRecentFailures(old, at(60 * minute + 1))).toBe(false);
    expect(afterSourceFailure(old, at(60 * minute + 1))).toEqual({
      failures: 1,
      lastFailureAt: at(60 * minute + 1).getTime(),
      blockedUntil: null,
    });
  });
});

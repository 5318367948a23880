import { describe, expect, test } from 'vitest';
import { typedDateProblem } from '../../src/app/components/form/typedDate';

describe('a date as a clerk types it', () => {
  test('a real day in yyyy-MM-dd is taken', () => {
    expect(typedDateProblem('2026-12-05')).toBeNull();
    expect(typedDateProblem(' 2028-02-29 ')).toBeNull();
  });

  test('a day that does not exist is named as such, not rolled over into the next month', () => {
    expect(typedDateProblem('2026-13-45')).toBe('noSuchDay');
    expect(typedDateProblem('2026-02-30')).toBe('noSuchDay');
    expect(typedDateProblem('2027-02-29')).toBe('noSuchDay');
  });

  test('another way of writing it is a format problem', () => {
    expect(typedDateProblem('20261205')).toBe('format');
    expect(typedDateProblem('2026/12/05')).toBe('format');
    expect(typedDateProblem('2026-1-5')).toBe('format');
  });
});

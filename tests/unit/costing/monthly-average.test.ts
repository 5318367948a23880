import { describe, expect, it } from 'vitest';
import { closeMonth } from '../../../src/engine/domain/costing/monthly-average';
import { refusal } from './table';

const issues = (...quantities: number[]) => quantities.map((quantity) => ({ quantity }));

// 全月一次加权平均 (DOMAIN.md §6.2, §6.7): hand-computed tables (no public source reproduces 金蝶's close).

describe('monthly weighted average', () => {
  it('month close revalues every issue at the month’s average', () => {
    // Last month closed at 100 worth 1000 (10 fen each): the two issues went out provisionally at 300
    // and 1200. This month also received 100 for 1200, so the month's average is 2200 / 200 = 11.
    const close = closeMonth(
      { quantity: 100, value: 1_000 },
      [{ quantity: 100, value: 1_200 }],
      issues(30, 120),
    );
    expect(close).toEqual({
      average: { quantity: 200, value: 2_200 },
      issueValues: [-330, -1_320],
      averagedReceiptValues: [],
      closing: { quantity: 50, value: 550 },
      correction: 0,
    });
  });

  it('the last issue takes the residue when the month ends at zero quantity', () => {
    // Average 2001 / 500 = 4.002: 100 → 400.2 → 400, 200 → 800.4 → 800; 2001 − 1200 = 801 to the last.
    const close = closeMonth(
      { quantity: 300, value: 1_000 },
      [{ quantity: 200, value: 1_001 }],
      issues(100, 100, 100, 200),
    );
    expect(close.issueValues).toEqual([-400, -400, -400, -801]);
    expect(close.closing).toEqual({ quantity: 0, value: 0 });
  });

  it('the closing stock holds its quantity at the average; the last issue takes the residue', () => {
    // 100 / 3 = 33.33: the closing 1 holds 33, so the two issues together take 67: 33 and 34.
    const close = closeMonth({ quantity: 3, value: 100 }, [], issues(1, 1));
    expect(close.issueValues).toEqual([-33, -34]);
    expect(close.closing).toEqual({ quantity: 1, value: 33 });
  });

  it('never gives an issue a negative cost, however many round up', () => {
    // 0.5 fen a unit: six issues of 1 each round to 1, six in all, but only 3 fen were there.
    const close = closeMonth({ quantity: 6, value: 3 }, [], issues(1, 1, 1, 1, 1, 1));
    expect(close.issueValues).toEqual([-1, -1, -1, 0, 0, 0]);
    expect(close.closing).toEqual({ quantity: 0, value: 0 });
  });

  it('a cost adjustment of the month enters the average as a receipt of no quantity', () => {
    const close = closeMonth({ quantity: 10, value: 1_000 }, [{ quantity: 0, value: 100 }], issues(4));
    expect(close.issueValues).toEqual([-440]);
    expect(close.closing).toEqual({ quantity: 6, value: 660 });
  });

  it('a month without issues closes at opening + receipts', () => {
    expect(closeMonth({ quantity: 1, value: 10 }, [{ quantity: 2, value: 50 }], [])).toEqual({
      average: { quantity: 3, value: 60 },
      issueValues: [],
      averagedReceiptValues: [],
      closing: { quantity: 3, value: 60 },
      correction: 0,
    });
  });

  it('a gain without an entered cost, or a return of this month’s delivery, enters at the month’s average', () => {
    // Average (100 + 300) / 20 = 20 fen, computed without the 5 received at it: they enter at 100, and
    // the 10 issued of the 25 go out at 200; 15 left worth 300.
    const close = closeMonth({ quantity: 10, value: 100 }, [{ quantity: 10, value: 300 }], issues(10), null, [
      { quantity: 5 },
    ]);
    expect(close).toMatchObject({
      average: { quantity: 20, value: 400 },
      averagedReceiptValues: [100],
      issueValues: [-200],
      closing: { quantity: 15, value: 300 },
    });
  });

  it('negative stock filled by the month’s receipts with nothing to take the difference: a correction', () => {
    // Opened at −5 (issued at 100 each last month); 5 received for 600: zero quantity must be zero value,
    // so the 100 they cost beyond their provisional 500 goes to COGS (correction −100).
    expect(closeMonth({ quantity: -5, value: -500 }, [{ quantity: 5, value: 600 }], [])).toMatchObject({
      closing: { quantity: 0, value: 0 },
      correction: -100,
    });
  });

  it('a month with no stock to average issues at the last known cost (negative stock allowed)', () => {
    const known = { quantity: 1, value: 500 };
    expect(closeMonth({ quantity: 0, value: 0 }, [], issues(2), known)).toMatchObject({
      average: known,
      issueValues: [-1_000],
      closing: { quantity: -2, value: -1_000 },
    });
    expect(closeMonth({ quantity: 0, value: 0 }, [], issues(2))).toMatchObject({
      average: null,
      issueValues: [0],
      closing: { quantity: -2, value: 0 },
    });
  });

  it('refuses a malformed issue or receipt', () => {
    expect(refusal(() => closeMonth({ quantity: 1, value: 1 }, [], issues(0))).code).toBe('VALIDATION');
    expect(refusal(() => closeMonth({ quantity: 1, value: 1 }, [{ quantity: -1, value: 0 }], [])).code).toBe(
      'VALIDATION',
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { add, mulDivRound } from '../../../src/shared/numbers/integer-math';
import { refusal } from './table';

describe('exact q × V / Q (DOMAIN.md §3: 四舍五入, half away from zero)', () => {
  it.each([
    [1, 1, 2, 1],
    [-1, 1, 2, -1],
    [1, -1, 2, -1],
    [1, 1, -2, -1],
    [3, 1, 2, 2],
    [5, 1, 2, 3],
    [-5, 1, 2, -3],
    [1, 1, 3, 0],
    [2, 1, 3, 1],
    [-2, 1, 3, -1],
    [15, 30_000, 20, 22_500],
    [1_000, 35_400, 1_800, 19_667],
    [Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
    [3_000_000_000, 3_000_000_001, 2_000_000_000, 4_500_000_002], // 4,500,000,001.5 → up
  ])('round(%i × %i / %i) = %i', (a, b, c, expected) => {
    expect(mulDivRound(a, b, c)).toBe(expected);
  });

  it('never returns −0', () => {
    expect(Object.is(mulDivRound(0, -5, 3), 0)).toBe(true);
    expect(Object.is(mulDivRound(-1, 1, 3), 0)).toBe(true);
  });

  it('agrees with BigInt arithmetic everywhere in the safe range', () => {
    const safe = fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER });
    const small = fc.integer({ min: -1_000_000, max: 1_000_000 });
    const operand = fc.oneof(safe, small);
    fc.assert(
      fc.property(operand, operand, operand, (a, b, c) => {
        fc.pre(c !== 0);
        const n = BigInt(a) * BigInt(b);
        const d = BigInt(c);
        const negative = n < 0n !== d < 0n;
        const absN = n < 0n ? -n : n;
        const absD = d < 0n ? -d : d;
        const magnitude = (2n * absN + absD) / (2n * absD); // floor(|n| / |d| + 1/2)
        const expected = negative ? -magnitude : magnitude;
        if (expected > BigInt(Number.MAX_SAFE_INTEGER) || expected < BigInt(Number.MIN_SAFE_INTEGER)) {
          expect(refusal(() => mulDivRound(a, b, c)).code).toBe('VALIDATION');
        } else {
          expect(mulDivRound(a, b, c)).toBe(Number(expected));
        }
      }),
      { numRuns: 2_000 },
    );
  });

  it('refuses what no safe integer holds, and a zero divisor', () => {
    expect(refusal(() => add(Number.MAX_SAFE_INTEGER, 1))).toMatchObject({
      code: 'VALIDATION',
      message: '金额或数量超出可精确计算的范围。',
    });
    expect(refusal(() => mulDivRound(1, 1, 0)).code).toBe('INTERNAL');
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  accrue,
  earnedRebate,
  nextThreshold,
  type RebateBasis,
} from '../../../src/engine/domain/contracts/rebate';
import { rebateTermSchema, type RebateTermInput } from '../../../src/shared/contracts/rebate-terms';

/*
 * Quantities in 箱 × 100 (two quantity decimals), amounts in fen with tax, rates in basis points.
 * 113.00 a 箱: 10 箱 = 1,130.00, 15 箱 = 1,695.00, 25 箱 = 2,825.00.
 */
const basis: RebateBasis = { quantityScale: 100, lastYearQuantity: null };
const term = (input: RebateTermInput) => rebateTermSchema.parse(input);
const box = (n: number) => n * 100;

const wholeVolume = term({
  kind: 'volume_tiers',
  unitName: '箱',
  tiers: [
    { from: box(10), rateBp: 200 },
    { from: box(20), rateBp: 300 },
  ],
});
const progressive = term({
  kind: 'progressive',
  unitName: '箱',
  tiers: [
    { from: 0, rateBp: 200 },
    { from: box(10), rateBp: 300 },
  ],
});
const perUnit = term({ kind: 'per_unit', unitName: '箱', amountPerUnit: 150 });
const growth = term({
  kind: 'growth',
  unitName: '箱',
  tiers: [
    { growthBp: 1000, rateBp: 100 },
    { growthBp: 2000, rateBp: 200 },
  ],
});

describe('rebate terms', () => {
  it.each([
    // Below the first tier nothing; at it the whole volume earns its rate; past the next, the next rate on all.
    ['全量 9.99 箱', wholeVolume, 999, 112_887, 0],
    ['全量 10 箱', wholeVolume, box(10), 113_000, 2_260],
    ['全量 25 箱', wholeVolume, box(25), 282_500, 8_475],
    // 2% of the first 10 箱' share (1,130.00 → 22.60) and 3% of the 5 above (565.00 → 16.95).
    ['累进 15 箱', progressive, box(15), 169_500, 3_955],
    ['累进 10 箱', progressive, box(10), 113_000, 2_260],
    // 1.50 a 箱.
    ['定额 15 箱', perUnit, box(15), 169_500, 2_250],
    ['定额 0.5 箱', perUnit, 50, 5_650, 75],
    // Nothing is earned on a volume net of returns at or below zero.
    ['净退货', wholeVolume, -box(2), -22_600, 0],
  ])('%s', (_label, rebateTerm, quantity, amount, expected) => {
    expect(earnedRebate(rebateTerm, { quantity, amount }, basis)).toBe(expected);
  });

  it('measures growth against last year, and earns nothing without a last year', () => {
    const lastYear = { ...basis, lastYearQuantity: box(20) };
    // 22 箱 is 10% over 20: 1% of 2,486.00 = 24.86; 24 箱 is 20% over: 2% of 2,712.00 = 54.24.
    expect(earnedRebate(growth, { quantity: box(22), amount: 248_600 }, lastYear)).toBe(2_486);
    expect(earnedRebate(growth, { quantity: box(24), amount: 271_200 }, lastYear)).toBe(5_424);
    expect(earnedRebate(growth, { quantity: 2199, amount: 248_487 }, lastYear)).toBe(0);
    expect(earnedRebate(growth, { quantity: box(30), amount: 339_000 }, basis)).toBe(0);
    expect(nextThreshold(growth, box(21), lastYear)).toEqual({
      threshold: box(22),
      gap: box(1),
      rateBp: 100,
    });
  });

  it('says how far the next tier is', () => {
    expect(nextThreshold(wholeVolume, box(12), basis)).toEqual({
      threshold: box(20),
      gap: box(8),
      rateBp: 300,
    });
    expect(nextThreshold(wholeVolume, box(20), basis)).toBeNull();
    expect(nextThreshold(perUnit, box(20), basis)).toBeNull();
  });

  it('catches up on the shipment that crosses a tier, and a return gives back what it earned', () => {
    const lines = [
      { id: 1, quantity: box(6), amount: 67_800, counts: true },
      { id: 2, quantity: box(6), amount: 67_800, counts: true },
      { id: 3, quantity: box(10), amount: 113_000, counts: true },
      { id: 4, quantity: -box(1), amount: -11_300, counts: true },
    ];
    // 6 箱: nothing; 12 箱: 2% × 1,356.00 = 27.12; 22 箱: 3% × 2,486.00 = 74.58; 21 箱: 3% × 2,373.00 = 71.19.
    expect(accrue(wholeVolume, lines, basis).map((line) => line.rebate)).toEqual([0, 2_712, 4_746, -339]);
  });

  it('rejects tiers out of order and rates over 100%, in Chinese', () => {
    const bad = rebateTermSchema.safeParse({
      kind: 'volume_tiers',
      unitName: '箱',
      tiers: [
        { from: 2, rateBp: 200 },
        { from: 1, rateBp: 20_000 },
      ],
    });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((issue) => issue.message)).toContain('返利比例不能超过 100%');
  });

  it('accrues exactly what the whole volume earns, whatever the shipments (property, fixed seed)', () => {
    const shipment = fc.record({
      quantity: fc.integer({ min: -box(5), max: box(40) }),
      price: fc.integer({ min: 1, max: 20_000 }),
    });
    fc.assert(
      fc.property(
        fc.constantFrom(wholeVolume, progressive, perUnit),
        fc.array(shipment, { maxLength: 30 }),
        (t, raw) => {
          const lines = raw.map((s, id) => ({
            id,
            quantity: s.quantity,
            amount: Math.round((s.quantity * s.price) / 100),
            counts: true,
          }));
          const accrued = accrue(t, lines, basis).reduce((sum, line) => sum + line.rebate, 0);
          const totals = lines.reduce(
            (sum, line) => ({ quantity: sum.quantity + line.quantity, amount: sum.amount + line.amount }),
            { quantity: 0, amount: 0 },
          );
          expect(accrued).toBe(earnedRebate(t, totals, basis));
        },
      ),
      { seed: 20261204, numRuns: 300 },
    );
  });
});

import { describe, expect, it } from 'vitest';
import { fifo } from '../../../src/engine/domain/costing/fifo';
import { movingAverage } from '../../../src/engine/domain/costing/moving-average';
import { replay } from './replay';
import { forbidNegative, issue, receive, refusal } from './table';

// DOMAIN.md §6.6: a document dated back into an open month re-costs every later movement of its scope.
// The caller inserts the backdated movement into the date-ordered list and replays from the last
// checkpoint before it.

const dated = {
  d1: receive(10, 1_000, 'd1'),
  d3: issue(5),
  d4: receive(10, 3_000, 'd4'),
  d5: issue(10),
};
const backdatedReceipt = receive(10, 2_000, 'd2');

describe('replay: re-costing after a backdated document', () => {
  it('gives each movement its value and the balance after it', () => {
    const { movements } = replay(movingAverage, [dated.d1, dated.d3, dated.d4, dated.d5], forbidNegative);
    expect(movements).toEqual([
      { value: 1_000, correction: 0, balance: { quantity: 10, value: 1_000 } },
      { value: -500, correction: 0, balance: { quantity: 5, value: 500 } },
      { value: 3_000, correction: 0, balance: { quantity: 15, value: 3_500 } },
      { value: -2_333, correction: 0, balance: { quantity: 5, value: 1_167 } }, // 2333.33
    ]);
  });

  it('a backdated receipt changes the cost of the deliveries after it (moving average)', () => {
    const checkpoint = replay(movingAverage, [dated.d1], forbidNegative).state;
    const recosted = replay(
      movingAverage,
      [backdatedReceipt, dated.d3, dated.d4, dated.d5],
      forbidNegative,
      checkpoint,
    );
    expect(recosted.movements.map((movement) => movement.value)).toEqual([2_000, -750, 3_000, -2_100]);
    expect(recosted.movements.at(-1)!.balance).toEqual({ quantity: 15, value: 3_150 });
    // Exactly what costing everything from the start in date order gives.
    const fromScratch = replay(
      movingAverage,
      [dated.d1, backdatedReceipt, dated.d3, dated.d4, dated.d5],
      forbidNegative,
    );
    expect(fromScratch.movements.slice(1)).toEqual(recosted.movements);
    expect(fromScratch.state).toEqual(recosted.state);
  });

  it('a backdated receipt changes which layers later deliveries consume (FIFO)', () => {
    const before = replay(fifo, [dated.d1, dated.d3, dated.d4, dated.d5], forbidNegative);
    expect(before.movements.map((movement) => movement.value)).toEqual([1_000, -500, 3_000, -2_000]);
    const after = replay(fifo, [dated.d1, backdatedReceipt, dated.d3, dated.d4, dated.d5], forbidNegative);
    // d5 now takes the 5 left of d1 (500) and 5 of d2 (1000), no longer 5 of d4 (1500).
    expect(after.movements.map((movement) => movement.value)).toEqual([1_000, 2_000, -500, 3_000, -1_500]);
    expect(after.movements.at(-1)!.balance).toEqual({ quantity: 15, value: 4_000 });
  });

  it('refuses a backdated issue that makes a later balance negative, saying which movement broke', () => {
    // The clerk backdates a delivery of 5 before a delivery of 8 out of 10: the later one is 3 short.
    const checkpoint = replay(fifo, [receive(10, 1_000)], forbidNegative).state;
    expect(refusal(() => replay(fifo, [issue(5), issue(8)], forbidNegative, checkpoint))).toEqual({
      code: 'CONFLICT',
      message: '库存不足，缺 3',
      details: { shortfall: 3, movementIndex: 1 },
    });
  });
});

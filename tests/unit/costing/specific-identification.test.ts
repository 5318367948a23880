import { describe, expect, it } from 'vitest';
import { specificIdentification } from '../../../src/engine/domain/costing/specific-identification';
import {
  adjust,
  allowNegative,
  expectTable,
  forbidNegative,
  issue,
  receive,
  refusal,
  type Row,
} from './table';

describe('specific identification (个别计价, DOMAIN.md §6.2)', () => {
  it('each issue takes from the layer it names, whatever its age', () => {
    // prettier-ignore
    const rows: Row[] = [
      [receive(10, 10_000, 'lot-A'), 10_000, 10, 10_000],
      [receive(10, 12_000, 'lot-B'), 12_000, 20, 22_000],
      [issue(3, 'lot-B'), -3_600, 17, 18_400, { layers: [[10, 10_000], [7, 8_400]] }],
      [issue(10, 'lot-A'), -10_000, 7, 8_400, { layers: [[7, 8_400]] }],
      [adjust(70, 'lot-B'), 70, 7, 8_470],
      [issue(7, 'lot-B'), -8_470, 0, 0, { layers: [] }],
    ];
    expectTable(specificIdentification, rows);
  });

  it.each([
    ['forbidden', forbidNegative],
    ['allowed', allowNegative],
  ])('refuses an issue beyond its layer, naming it (negative stock %s)', (_, policy) => {
    let state = specificIdentification.initial();
    state = specificIdentification.apply(state, receive(5, 500, 'lot-A'), policy).state;
    state = specificIdentification.apply(state, receive(5, 600, 'lot-B'), policy).state;
    expect(refusal(() => specificIdentification.apply(state, issue(8, 'lot-A'), policy))).toEqual({
      code: 'CONFLICT',
      message: '批次【lot-A】库存不足，缺 3',
      details: { shortfall: 3, layer: 'lot-A' },
    });
    expect(refusal(() => specificIdentification.apply(state, issue(1, 'lot-C'), policy)).details).toEqual({
      shortfall: 1,
      layer: 'lot-C',
    });
  });

  it('needs a layer on every receipt and issue', () => {
    const state = specificIdentification.initial();
    expect(refusal(() => specificIdentification.apply(state, receive(1, 100), forbidNegative))).toMatchObject(
      {
        code: 'VALIDATION',
        message: '个别计价的入库必须指定批次。',
      },
    );
    expect(refusal(() => specificIdentification.apply(state, issue(1), forbidNegative))).toMatchObject({
      code: 'VALIDATION',
      message: '个别计价的出库必须指定批次。',
    });
  });
});

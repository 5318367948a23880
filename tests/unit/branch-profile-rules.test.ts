import { describe, expect, it } from 'vitest';
import {
  fieldsFixedAfterFirstPosting,
  fixedFieldsTouched,
  type BranchProfile,
} from '../../src/engine/domain/branch/profile';

const current: BranchProfile = {
  code: 'BJ01',
  name: '北京分公司',
  taxId: '91110105MA01ABCD2X',
  address: '北京市朝阳区建国路 1 号',
  phone: '010-65001234',
  accountingMode: 'independent',
  costingScope: 'per_warehouse',
  defaultCostingMethod: 'moving_average',
  allowCostingMethodOverride: false,
  negativeStock: 'forbid',
  taxpayerType: 'general',
  quantityDecimals: 2,
  priceDecimals: 4,
  approvalRequired: true,
};

const firstPostedAt = '2026-03-05T02:00:00.000Z';

describe('fields fixed at the first posting (DOMAIN.md §2)', () => {
  it('are the costing scope, the accounting mode and the quantity precision', () => {
    expect([...fieldsFixedAfterFirstPosting]).toEqual(['costingScope', 'accountingMode', 'quantityDecimals']);
  });

  it('can all change before the first posting', () => {
    const change = {
      costingScope: 'per_branch',
      accountingMode: 'non_independent',
      quantityDecimals: 3,
    } as const;
    expect(fixedFieldsTouched(current, change, null)).toEqual([]);
  });

  it.each<{ change: Partial<BranchProfile>; touched: string[] }>([
    { change: { costingScope: 'per_branch' }, touched: ['costingScope'] },
    { change: { accountingMode: 'non_independent' }, touched: ['accountingMode'] },
    { change: { quantityDecimals: 3 }, touched: ['quantityDecimals'] },
    // 0 is a real value, not "no change".
    { change: { quantityDecimals: 0 }, touched: ['quantityDecimals'] },
    {
      change: { quantityDecimals: 4, accountingMode: 'non_independent', costingScope: 'per_branch' },
      touched: ['costingScope', 'accountingMode', 'quantityDecimals'],
    },
    { change: { name: '北京第一分公司', costingScope: 'per_branch' }, touched: ['costingScope'] },
  ])('after the first posting, $change is refused for $touched', ({ change, touched }) => {
    expect(fixedFieldsTouched(current, change, firstPostedAt)).toEqual(touched);
  });

  it.each<{ why: string; change: Partial<BranchProfile> }>([
    { why: 'nothing', change: {} },
    {
      why: 'the fixed fields at their current values',
      change: { costingScope: 'per_warehouse', accountingMode: 'independent', quantityDecimals: 2 },
    },
    {
      why: 'name, address and phone',
      change: { name: '北京第一分公司', address: '北京市海淀区', phone: '010-1' },
    },
    {
      why: 'costing method, price precision, negative stock, taxpayer type and approval',
      change: {
        defaultCostingMethod: 'fifo',
        priceDecimals: 6,
        negativeStock: 'allow',
        taxpayerType: 'small',
        approvalRequired: false,
        allowCostingMethodOverride: true,
      },
    },
  ])('after the first posting, changing $why is allowed', ({ change }) => {
    expect(fixedFieldsTouched(current, change, firstPostedAt)).toEqual([]);
  });
});

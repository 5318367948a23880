import type { MovementKind } from '../../../shared/documents/document-types';

/**
 * How stock reports name and place each movement kind (DOMAIN.md §6.1). A kind is an inflow or an
 * outflow whatever its sign: a red-letter reversal (红字冲销) keeps its kind with the opposite sign,
 * and ledgers show it in the same column in red — a reversed delivery is a negative outflow, not an
 * inflow. A cost adjustment moves value only.
 */
export const movementKindLabels: Readonly<Record<MovementKind, string>> = {
  opening: '期初入库',
  purchase: '采购入库',
  purchase_return: '采购退货',
  sales: '销售出库',
  sales_return: '销售退货',
  transfer_in: '调拨入库',
  transfer_out: '调拨出库',
  gain: '盘盈入库',
  loss: '盘亏出库',
  other_in: '其他入库',
  other_out: '其他出库',
  cost_adjustment: '成本调整',
  internal_in: '内部调入',
  internal_out: '内部调出',
};

export type MovementSide = 'in' | 'out' | 'value';

export const movementSides: Readonly<Record<MovementKind, MovementSide>> = {
  opening: 'in',
  purchase: 'in',
  purchase_return: 'out',
  sales: 'out',
  sales_return: 'in',
  transfer_in: 'in',
  transfer_out: 'out',
  gain: 'in',
  loss: 'out',
  other_in: 'in',
  other_out: 'out',
  cost_adjustment: 'value',
  internal_in: 'in',
  internal_out: 'out',
};

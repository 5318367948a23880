/**
 * The documents of DOMAIN.md §5 that move stock, and what each does. Orders, receipts and payments
 * (the next issue) join this table without changing the document model: a type says whether it moves
 * stock, which way, whether the keeper confirms it, and who its counterparty is.
 */

export const documentTypes = [
  'opening_stock',
  'purchase_receipt',
  'purchase_return',
  'sales_delivery',
  'sales_return',
  'transfer',
  'stocktake',
  'stock_gain',
  'stock_loss',
  'other_receipt',
  'other_issue',
  'cost_adjustment',
] as const;
export type DocumentType = (typeof documentTypes)[number];

/**
 * What a line does to stock when it is confirmed: comes in, goes out, moves between warehouses through
 * in-transit, changes value only, or nothing (a stocktake's count sheet makes gain / loss documents).
 */
export type StockDirection = 'in' | 'out' | 'transfer' | 'value' | 'none';

/** The kinds the stock ledger and the 进销存汇总 report group movements by (DOMAIN.md §6.1). */
export const movementKinds = [
  'opening',
  'purchase',
  'purchase_return',
  'sales',
  'sales_return',
  'transfer_in',
  'transfer_out',
  'gain',
  'loss',
  'other_in',
  'other_out',
  'cost_adjustment',
] as const;
export type MovementKind = (typeof movementKinds)[number];

export type CounterpartyRole = 'supplier' | 'customer' | 'none';

/**
 * Where a receipt's cost comes from: the line's amount (purchase: excluding input VAT for a general
 * taxpayer, DOMAIN.md §2), the origin line's issue cost (sales return, §6.4), or the scope's current cost
 * unless the line names one (stocktake gain, other receipt).
 */
export type ReceiptCost = 'line_amount' | 'origin_cost' | 'current_or_entered';

export interface DocumentTypeRule {
  readonly label: string;
  readonly direction: StockDirection;
  readonly movementKind: MovementKind | null;
  /** The keeper confirms it (待入库 / 待出库); otherwise approval posts it. */
  readonly keeperConfirms: boolean;
  readonly counterparty: CounterpartyRole;
  readonly receiptCost: ReceiptCost | null;
  /** The default numbering prefix (单据编号, §5). */
  readonly prefix: string;
}

export const documentTypeRules: Readonly<Record<DocumentType, DocumentTypeRule>> = {
  opening_stock: {
    label: '期初库存',
    direction: 'in',
    movementKind: 'opening',
    keeperConfirms: false,
    counterparty: 'none',
    receiptCost: 'line_amount',
    prefix: 'QC',
  },
  purchase_receipt: {
    label: '采购入库单',
    direction: 'in',
    movementKind: 'purchase',
    keeperConfirms: true,
    counterparty: 'supplier',
    receiptCost: 'line_amount',
    prefix: 'CR',
  },
  purchase_return: {
    label: '采购退货单',
    direction: 'out',
    movementKind: 'purchase_return',
    keeperConfirms: true,
    counterparty: 'supplier',
    receiptCost: null,
    prefix: 'CT',
  },
  sales_delivery: {
    label: '销售出库单',
    direction: 'out',
    movementKind: 'sales',
    keeperConfirms: true,
    counterparty: 'customer',
    receiptCost: null,
    prefix: 'XC',
  },
  sales_return: {
    label: '销售退货单',
    direction: 'in',
    movementKind: 'sales_return',
    keeperConfirms: true,
    counterparty: 'customer',
    receiptCost: 'origin_cost',
    prefix: 'XT',
  },
  transfer: {
    label: '调拨单',
    direction: 'transfer',
    movementKind: null,
    keeperConfirms: true,
    counterparty: 'none',
    receiptCost: null,
    prefix: 'DB',
  },
  stocktake: {
    label: '盘点单',
    direction: 'none',
    movementKind: null,
    keeperConfirms: false,
    counterparty: 'none',
    receiptCost: null,
    prefix: 'PD',
  },
  stock_gain: {
    label: '盘盈入库单',
    direction: 'in',
    movementKind: 'gain',
    keeperConfirms: true,
    counterparty: 'none',
    receiptCost: 'current_or_entered',
    prefix: 'PY',
  },
  stock_loss: {
    label: '盘亏出库单',
    direction: 'out',
    movementKind: 'loss',
    keeperConfirms: true,
    counterparty: 'none',
    receiptCost: null,
    prefix: 'PK',
  },
  other_receipt: {
    label: '其他入库单',
    direction: 'in',
    movementKind: 'other_in',
    keeperConfirms: true,
    counterparty: 'none',
    receiptCost: 'current_or_entered',
    prefix: 'QR',
  },
  other_issue: {
    label: '其他出库单',
    direction: 'out',
    movementKind: 'other_out',
    keeperConfirms: true,
    counterparty: 'none',
    receiptCost: null,
    prefix: 'QT',
  },
  cost_adjustment: {
    label: '成本调整单',
    direction: 'value',
    movementKind: 'cost_adjustment',
    keeperConfirms: false,
    counterparty: 'none',
    receiptCost: null,
    prefix: 'TZ',
  },
};

export function documentTypeRule(type: DocumentType): DocumentTypeRule {
  return documentTypeRules[type];
}

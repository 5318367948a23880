/**
 * The documents of DOMAIN.md §5 and what each does: whether it moves stock and which way, whether the
 * keeper confirms it, who its counterparty is, which document its lines are made from, and what it does
 * to receivables and payables. Orders and money documents are rows of this table, not new models.
 */

export const documentTypes = [
  'purchase_order',
  'sales_order',
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
  'customer_receipt',
  'supplier_payment',
  'customer_rebate',
  'supplier_rebate',
  'internal_transfer_out',
  'internal_transfer_in',
] as const;
export type DocumentType = (typeof documentTypes)[number];

/**
 * What a line does to stock when it is confirmed: comes in, goes out, moves between warehouses through
 * in-transit, changes value only, or nothing (a stocktake's count sheet makes gain / loss documents).
 * An order's lines only promise (on order, reserved); a money document has no lines.
 */
export type StockDirection = 'in' | 'out' | 'transfer' | 'value' | 'none' | 'order' | 'money';

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
  'internal_in',
  'internal_out',
] as const;
export type MovementKind = (typeof movementKinds)[number];

/** An internal unit (内部单位) is head office or another branch of the company (DOMAIN.md §4, §6.3). */
export type CounterpartyRole = 'supplier' | 'customer' | 'internal' | 'none';

/**
 * Where a receipt's cost comes from: the line's amount (purchase: excluding input VAT for a general
 * taxpayer, DOMAIN.md §2), the origin line's issue cost (sales return, §6.4), or the scope's current cost
 * unless the line names one (stocktake gain, other receipt).
 */
export type ReceiptCost = 'line_amount' | 'origin_cost' | 'current_or_entered';

/**
 * The document a line is made from (its `sourceLineId`): a receipt or delivery from its order, in part;
 * a return from its receipt or delivery (DOMAIN.md §5). `required`: the line must name one.
 */
export interface SourceRule {
  readonly type: DocumentType;
  readonly required: boolean;
}

/** 应收 / 应付 (DOMAIN.md §7). */
export const moneySides = ['receivable', 'payable'] as const;
export type MoneySide = (typeof moneySides)[number];

/**
 * What a completed document does to the counterparty's balance under independent accounting: raises it
 * (a delivery is owed to us, a receipt is owed by us) or lowers it (returns, money received or paid).
 */
export interface MoneyEffect {
  readonly side: MoneySide;
  readonly sign: 1 | -1;
}

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
  readonly source: SourceRule | null;
  readonly money: MoneyEffect | null;
}

export const documentTypeRules: Readonly<Record<DocumentType, DocumentTypeRule>> = {
  purchase_order: {
    label: '采购订单',
    direction: 'order',
    movementKind: null,
    keeperConfirms: false,
    counterparty: 'supplier',
    receiptCost: null,
    prefix: 'CD',
    source: null,
    money: null,
  },
  sales_order: {
    label: '销售订单',
    direction: 'order',
    movementKind: null,
    keeperConfirms: false,
    counterparty: 'customer',
    receiptCost: null,
    prefix: 'XD',
    source: null,
    money: null,
  },
  opening_stock: {
    label: '期初库存',
    direction: 'in',
    movementKind: 'opening',
    keeperConfirms: false,
    counterparty: 'none',
    receiptCost: 'line_amount',
    prefix: 'QC',
    source: null,
    money: null,
  },
  purchase_receipt: {
    label: '采购入库单',
    direction: 'in',
    movementKind: 'purchase',
    keeperConfirms: true,
    counterparty: 'supplier',
    receiptCost: 'line_amount',
    prefix: 'CR',
    source: { type: 'purchase_order', required: false },
    money: { side: 'payable', sign: 1 },
  },
  purchase_return: {
    label: '采购退货单',
    direction: 'out',
    movementKind: 'purchase_return',
    keeperConfirms: true,
    counterparty: 'supplier',
    receiptCost: null,
    prefix: 'CT',
    source: { type: 'purchase_receipt', required: false },
    money: { side: 'payable', sign: -1 },
  },
  sales_delivery: {
    label: '销售出库单',
    direction: 'out',
    movementKind: 'sales',
    keeperConfirms: true,
    counterparty: 'customer',
    receiptCost: null,
    prefix: 'XC',
    source: { type: 'sales_order', required: false },
    money: { side: 'receivable', sign: 1 },
  },
  sales_return: {
    label: '销售退货单',
    direction: 'in',
    movementKind: 'sales_return',
    keeperConfirms: true,
    counterparty: 'customer',
    receiptCost: 'origin_cost',
    prefix: 'XT',
    source: { type: 'sales_delivery', required: true },
    money: { side: 'receivable', sign: -1 },
  },
  transfer: {
    label: '调拨单',
    direction: 'transfer',
    movementKind: null,
    keeperConfirms: true,
    counterparty: 'none',
    receiptCost: null,
    prefix: 'DB',
    source: null,
    money: null,
  },
  stocktake: {
    label: '盘点单',
    direction: 'none',
    movementKind: null,
    keeperConfirms: false,
    counterparty: 'none',
    receiptCost: null,
    prefix: 'PD',
    source: null,
    money: null,
  },
  stock_gain: {
    label: '盘盈入库单',
    direction: 'in',
    movementKind: 'gain',
    keeperConfirms: true,
    counterparty: 'none',
    receiptCost: 'current_or_entered',
    prefix: 'PY',
    source: null,
    money: null,
  },
  stock_loss: {
    label: '盘亏出库单',
    direction: 'out',
    movementKind: 'loss',
    keeperConfirms: true,
    counterparty: 'none',
    receiptCost: null,
    prefix: 'PK',
    source: null,
    money: null,
  },
  other_receipt: {
    label: '其他入库单',
    direction: 'in',
    movementKind: 'other_in',
    keeperConfirms: true,
    counterparty: 'none',
    receiptCost: 'current_or_entered',
    prefix: 'QR',
    source: null,
    money: null,
  },
  other_issue: {
    label: '其他出库单',
    direction: 'out',
    movementKind: 'other_out',
    keeperConfirms: true,
    counterparty: 'none',
    receiptCost: null,
    prefix: 'QT',
    source: null,
    money: null,
  },
  cost_adjustment: {
    label: '成本调整单',
    direction: 'value',
    movementKind: 'cost_adjustment',
    keeperConfirms: false,
    counterparty: 'none',
    receiptCost: null,
    prefix: 'TZ',
    source: null,
    money: null,
  },
  customer_receipt: {
    label: '收款单',
    direction: 'money',
    movementKind: null,
    keeperConfirms: false,
    counterparty: 'customer',
    receiptCost: null,
    prefix: 'SK',
    source: null,
    money: { side: 'receivable', sign: -1 },
  },
  supplier_payment: {
    label: '付款单',
    direction: 'money',
    movementKind: null,
    keeperConfirms: false,
    counterparty: 'supplier',
    receiptCost: null,
    prefix: 'FK',
    source: null,
    money: { side: 'payable', sign: -1 },
  },
  /**
   * 返利单: a contract's rebate paid as 折让 (services/contracts/settle-rebate.ts): a money document that
   * lowers what the customer owes (or what we owe the supplier), made and completed by the settlement and
   * reversed by its 反结算. Nobody types one.
   */
  customer_rebate: {
    label: '客户返利单',
    direction: 'money',
    movementKind: null,
    keeperConfirms: false,
    counterparty: 'customer',
    receiptCost: null,
    prefix: 'FL',
    source: null,
    money: { side: 'receivable', sign: -1 },
  },
  supplier_rebate: {
    label: '供应商返利单',
    direction: 'money',
    movementKind: null,
    keeperConfirms: false,
    counterparty: 'supplier',
    receiptCost: null,
    prefix: 'GF',
    source: null,
    money: { side: 'payable', sign: -1 },
  },
  /**
   * Inter-branch transfers (DOMAIN.md §6.3) to or from an internal unit, at a transfer price: under
   * independent accounting a sale to it (a receivable) and a purchase from it (a payable); under
   * non-independent accounting no money is kept here and they are a transfer out and in. Stock moves the
   * same way in both modes, so one pair of types serves both; only the money effect depends on the mode.
   */
  internal_transfer_out: {
    label: '内部调出单',
    direction: 'out',
    movementKind: 'internal_out',
    keeperConfirms: true,
    counterparty: 'internal',
    receiptCost: null,
    prefix: 'NC',
    source: null,
    money: { side: 'receivable', sign: 1 },
  },
  internal_transfer_in: {
    label: '内部调入单',
    direction: 'in',
    movementKind: 'internal_in',
    keeperConfirms: true,
    counterparty: 'internal',
    receiptCost: 'line_amount',
    prefix: 'NR',
    source: null,
    money: { side: 'payable', sign: 1 },
  },
};

/** Each type's name, as documents, reports and messages print it. */
export const documentTypeLabels = Object.fromEntries(
  documentTypes.map((type) => [type, documentTypeRules[type].label]),
) as Readonly<Record<DocumentType, string>>;

export function documentTypeRule(type: DocumentType): DocumentTypeRule {
  return documentTypeRules[type];
}

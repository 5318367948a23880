import type { ApiInput, ApiOutput } from '../../../shared/api';
import type { Messages } from '../../i18n/zh-CN';

export type DocumentType = ApiInput<'documents.save'>['document']['type'];
export type DocumentStatus = NonNullable<ApiInput<'documents.list'>['statuses']>[number];
export type DocumentView = ApiOutput<'documents.get'>;
export type DocumentAction = DocumentView['actions'][number];
/** An order's 执行状态: how much of it receipts / deliveries have taken. */
export type DocumentExecution = NonNullable<DocumentView['execution']>;

/** Where the line's default unit price comes from when goods are picked. */
export type PriceSource = 'purchasePrice' | 'salePrice' | null;

/**
 * How the one document page looks for a type (DOMAIN.md §5). The engine's rules decide what a
 * document does; this says only what the clerk types: who the counterparty is, which columns the
 * grid has and what a price means there.
 */
export interface DocumentTypeUi {
  /** Page key, address and title of the type's document page. */
  pageKey: string;
  path: string;
  title: `page.${keyof Messages['page']}`;
  counterparty: 'supplier' | 'customer' | 'internal' | 'none';
  /** The line has a unit price: a purchase / sale price, or a unit cost where goods come in. */
  price: 'trade' | 'cost' | 'optionalCost' | null;
  /** Where the default price and unit come from when goods are picked. */
  priceSource: PriceSource;
  unitSource: 'defaultPurchaseUnit' | 'defaultSaleUnit' | null;
  /** 赠品: a zero-price receipt or delivery. */
  gift: boolean;
  /** 调拨: lines go from a warehouse to another. */
  transfer: boolean;
  /** 盘点: the quantity is what was counted. */
  counted: boolean;
  /** 成本调整: value only, no quantity. */
  valueOnly: boolean;
  /** 退货: lines may come from an origin document of this type. */
  originType: DocumentType | null;
  /** 订单: approved, it is executed by receipts / deliveries of this type, generated from it (下推). */
  executesAs: 'purchase_receipt' | 'sales_delivery' | null;
  /** 收款单 / 付款单: no lines, an amount, which settles this side of the counterparty's account (§7). */
  money: MoneySide | null;
  /**
   * A sale the engine holds to the customer's credit limit and the available stock when it is submitted
   * (DOMAIN.md §7): the page shows both while the clerk enters it, before the engine warns.
   */
  salesLimits: boolean;
}

export type MoneySide = 'receivable' | 'payable';

const plain = {
  counterparty: 'none',
  price: null,
  priceSource: null,
  unitSource: null,
  gift: false,
  transfer: false,
  counted: false,
  valueOnly: false,
  originType: null,
  executesAs: null,
  money: null,
  salesLimits: false,
} as const;

export const documentTypeUi: Record<DocumentType, DocumentTypeUi> = {
  purchase_order: {
    ...plain,
    pageKey: 'document-purchase-order',
    path: '/documents/purchase-order',
    title: 'page.purchaseOrder',
    counterparty: 'supplier',
    price: 'trade',
    priceSource: 'purchasePrice',
    unitSource: 'defaultPurchaseUnit',
    gift: true,
    executesAs: 'purchase_receipt',
  },
  sales_order: {
    ...plain,
    pageKey: 'document-sales-order',
    path: '/documents/sales-order',
    title: 'page.salesOrder',
    counterparty: 'customer',
    price: 'trade',
    priceSource: 'salePrice',
    unitSource: 'defaultSaleUnit',
    gift: true,
    executesAs: 'sales_delivery',
    salesLimits: true,
  },
  purchase_receipt: {
    ...plain,
    pageKey: 'document-purchase-receipt',
    path: '/documents/purchase-receipt',
    title: 'page.purchaseReceipt',
    counterparty: 'supplier',
    price: 'trade',
    priceSource: 'purchasePrice',
    unitSource: 'defaultPurchaseUnit',
    gift: true,
  },
  purchase_return: {
    ...plain,
    pageKey: 'document-purchase-return',
    path: '/documents/purchase-return',
    title: 'page.purchaseReturn',
    counterparty: 'supplier',
    price: 'trade',
    priceSource: 'purchasePrice',
    unitSource: 'defaultPurchaseUnit',
    originType: 'purchase_receipt',
  },
  sales_delivery: {
    ...plain,
    pageKey: 'document-sales-delivery',
    path: '/documents/sales-delivery',
    title: 'page.salesDelivery',
    counterparty: 'customer',
    price: 'trade',
    priceSource: 'salePrice',
    unitSource: 'defaultSaleUnit',
    gift: true,
    salesLimits: true,
  },
  sales_return: {
    ...plain,
    pageKey: 'document-sales-return',
    path: '/documents/sales-return',
    title: 'page.salesReturn',
    counterparty: 'customer',
    price: 'trade',
    priceSource: 'salePrice',
    unitSource: 'defaultSaleUnit',
    originType: 'sales_delivery',
  },
  transfer: {
    ...plain,
    pageKey: 'document-transfer',
    path: '/documents/transfer',
    title: 'page.transfer',
    transfer: true,
  },
  stocktake: {
    ...plain,
    pageKey: 'document-stocktake',
    path: '/documents/stocktake',
    title: 'page.stocktake',
    counted: true,
  },
  stock_gain: {
    ...plain,
    pageKey: 'document-stock-gain',
    path: '/documents/stock-gain',
    title: 'page.stockGain',
    price: 'optionalCost',
  },
  stock_loss: {
    ...plain,
    pageKey: 'document-stock-loss',
    path: '/documents/stock-loss',
    title: 'page.stockLoss',
  },
  other_receipt: {
    ...plain,
    pageKey: 'document-other-receipt',
    path: '/documents/other-receipt',
    title: 'page.otherReceipt',
    price: 'optionalCost',
  },
  other_issue: {
    ...plain,
    pageKey: 'document-other-issue',
    path: '/documents/other-issue',
    title: 'page.otherIssue',
  },
  opening_stock: {
    ...plain,
    pageKey: 'document-opening-stock',
    path: '/documents/opening-stock',
    title: 'page.openingStock',
    price: 'cost',
    // A first guess the clerk overwrites with the real cost: opening stock has no other price.
    priceSource: 'purchasePrice',
    unitSource: 'defaultPurchaseUnit',
  },
  cost_adjustment: {
    ...plain,
    pageKey: 'document-cost-adjustment',
    path: '/documents/cost-adjustment',
    title: 'page.costAdjustment',
    valueOnly: true,
  },
  customer_receipt: {
    ...plain,
    pageKey: 'document-customer-receipt',
    path: '/documents/customer-receipt',
    title: 'page.customerReceipt',
    counterparty: 'customer',
    money: 'receivable',
  },
  supplier_payment: {
    ...plain,
    pageKey: 'document-supplier-payment',
    path: '/documents/supplier-payment',
    title: 'page.supplierPayment',
    counterparty: 'supplier',
    money: 'payable',
  },
  internal_transfer_out: {
    ...plain,
    pageKey: 'document-internal-transfer-out',
    path: '/documents/internal-transfer-out',
    title: 'page.internalTransferOut',
    counterparty: 'internal',
    price: 'trade',
    priceSource: 'salePrice',
    unitSource: 'defaultSaleUnit',
  },
  internal_transfer_in: {
    ...plain,
    pageKey: 'document-internal-transfer-in',
    path: '/documents/internal-transfer-in',
    title: 'page.internalTransferIn',
    counterparty: 'internal',
    price: 'trade',
    priceSource: 'purchasePrice',
    unitSource: 'defaultPurchaseUnit',
  },
};

/** A line's price carries VAT only when it is traded with a counterparty. */
export function carriesTax(type: DocumentType): boolean {
  return documentTypeUi[type].counterparty !== 'none';
}

/** The document has money figures: a priced type, value only, or a receipt / payment of money. */
export function showsMoney(type: DocumentType): boolean {
  const ui = documentTypeUi[type];
  return ui.price !== null || ui.valueOnly || ui.money !== null;
}

/** 含税单价 and 折扣率: a line priced with a counterparty may be entered with tax and discounted. */
export function tradesPrices(type: DocumentType): boolean {
  return documentTypeUi[type].price === 'trade';
}

/**
 * Whose prices the 价格跟踪 (last price) of a type looks at: what we sold at to a customer or an internal
 * unit we send to, what we bought at from a supplier or an internal unit we receive from.
 */
export function lastPriceSide(type: DocumentType): 'sale' | 'purchase' | null {
  const ui = documentTypeUi[type];
  if (ui.counterparty === 'none' || ui.price !== 'trade') return null;
  return ui.priceSource === 'salePrice' ? 'sale' : 'purchase';
}

/** The document page's address, asked to open one document or start a new one. */
export function documentAddress(
  type: DocumentType,
  open: { id: number } | { fromOrder: number } | 'new',
): string {
  const path = documentTypeUi[type].path;
  if (open === 'new') return `${path}?new=1`;
  return 'id' in open ? `${path}?id=${open.id}` : `${path}?fromOrder=${open.fromOrder}`;
}

/** The statuses of DOMAIN.md §5 in lifecycle order, with the colour of their tag. */
export const documentStatusColors: Record<DocumentStatus, string> = {
  draft: 'default',
  submitted: 'gold',
  awaiting_warehouse: 'blue',
  in_transit: 'purple',
  completed: 'green',
  voided: 'red',
  closed: 'cyan',
};
export const documentStatuses = Object.keys(documentStatusColors) as DocumentStatus[];

/** 执行状态 tags: partly executed stands out (more is to come), done is green, closed as its status. */
export const documentExecutionColors: Record<DocumentExecution, string> = {
  not_started: 'default',
  partial: 'orange',
  done: 'green',
  closed: 'cyan',
};

import type { ApiInput, ApiOutput } from '../../../shared/api';
import type { Messages } from '../../i18n/zh-CN';

export type DocumentType = ApiInput<'documents.save'>['document']['type'];
export type DocumentStatus = NonNullable<ApiInput<'documents.list'>['statuses']>[number];
export type DocumentView = ApiOutput<'documents.get'>;
export type DocumentAction = DocumentView['actions'][number];

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
}

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
  },
  supplier_payment: {
    ...plain,
    pageKey: 'document-supplier-payment',
    path: '/documents/supplier-payment',
    title: 'page.supplierPayment',
    counterparty: 'supplier',
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

/** The grid has money columns: a priced type, or value only. */
export function showsMoney(type: DocumentType): boolean {
  return documentTypeUi[type].price !== null || documentTypeUi[type].valueOnly;
}

/** The document page's address, asked to open one document or start a new one. */
export function documentAddress(type: DocumentType, open: { id: number } | 'new'): string {
  const path = documentTypeUi[type].path;
  return open === 'new' ? `${path}?new=1` : `${path}?id=${open.id}`;
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

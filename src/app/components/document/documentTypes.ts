import {
  documentTypeRule,
  documentTypes,
  type CounterpartyRole,
  type DocumentType,
  type MoneySide,
} from '../../../shared/documents/document-types';
import type { ApiOutput } from '../../../shared/api';
import { carriesTax, defaultPriceField } from '../../../shared/documents/line-pricing';
import type { DocumentStatus } from '../../../shared/documents/document-status';
import type { Messages } from '../../i18n/zh-CN';

export type { DocumentType, MoneySide };
export type { DocumentAction, DocumentStatus } from '../../../shared/documents/document-status';
export type DocumentView = ApiOutput<'documents.get'>;
/** An order's 执行状态: how much of it receipts / deliveries have taken. */
export type DocumentExecution = NonNullable<DocumentView['execution']>;

/** Where the line's default unit price comes from when goods are picked. */
export type PriceSource = 'purchasePrice' | 'salePrice' | null;

/**
 * How the one document page looks for a type (DOMAIN.md §5): its page, and what the clerk types on the
 * lines. What the document does — counterparty, stock direction, origin, money — is not said here but
 * read from the shared rules (src/shared/documents/document-types.ts), the table the engine posts by.
 */
interface DocumentScreen {
  /** Page key, address and title of the type's document page. */
  pageKey: string;
  path: string;
  title: `page.${keyof Messages['page']}`;
  /** A price the page offers where the rules give the line no default one (opening stock's cost). */
  priceGuess?: PriceSource;
  /** 赠品: a zero-price receipt or delivery. */
  gift: boolean;
  /**
   * A sale the engine holds to the customer's credit limit and the available stock when it is submitted
   * (DOMAIN.md §7): the page shows both while the clerk enters it, before the engine warns.
   */
  salesLimits: boolean;
}

/** The screen of a type with what its rules make the page show. */
export interface DocumentTypeUi extends Omit<DocumentScreen, 'priceGuess'> {
  counterparty: CounterpartyRole;
  /** The line has a unit price: a purchase / sale price, or a unit cost where goods come in. */
  price: 'trade' | 'cost' | 'optionalCost' | null;
  /** Where the default price and unit come from when goods are picked. */
  priceSource: PriceSource;
  unitSource: 'defaultPurchaseUnit' | 'defaultSaleUnit' | null;
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
}

const plain = { gift: false, salesLimits: false } as const;

const screens: Record<DocumentType, DocumentScreen> = {
  purchase_order: {
    ...plain,
    pageKey: 'document-purchase-order',
    path: '/documents/purchase-order',
    title: 'page.purchaseOrder',
    gift: true,
  },
  sales_order: {
    ...plain,
    pageKey: 'document-sales-order',
    path: '/documents/sales-order',
    title: 'page.salesOrder',
    gift: true,
    salesLimits: true,
  },
  purchase_receipt: {
    ...plain,
    pageKey: 'document-purchase-receipt',
    path: '/documents/purchase-receipt',
    title: 'page.purchaseReceipt',
    gift: true,
  },
  purchase_return: {
    ...plain,
    pageKey: 'document-purchase-return',
    path: '/documents/purchase-return',
    title: 'page.purchaseReturn',
  },
  sales_delivery: {
    ...plain,
    pageKey: 'document-sales-delivery',
    path: '/documents/sales-delivery',
    title: 'page.salesDelivery',
    gift: true,
    salesLimits: true,
  },
  sales_return: {
    ...plain,
    pageKey: 'document-sales-return',
    path: '/documents/sales-return',
    title: 'page.salesReturn',
  },
  transfer: {
    ...plain,
    pageKey: 'document-transfer',
    path: '/documents/transfer',
    title: 'page.transfer',
  },
  stocktake: {
    ...plain,
    pageKey: 'document-stocktake',
    path: '/documents/stocktake',
    title: 'page.stocktake',
  },
  stock_gain: {
    ...plain,
    pageKey: 'document-stock-gain',
    path: '/documents/stock-gain',
    title: 'page.stockGain',
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
    // A first guess the clerk overwrites with the real cost: opening stock has no other price.
    priceGuess: 'purchasePrice',
  },
  cost_adjustment: {
    ...plain,
    pageKey: 'document-cost-adjustment',
    path: '/documents/cost-adjustment',
    title: 'page.costAdjustment',
  },
  customer_receipt: {
    ...plain,
    pageKey: 'document-customer-receipt',
    path: '/documents/customer-receipt',
    title: 'page.customerReceipt',
  },
  supplier_payment: {
    ...plain,
    pageKey: 'document-supplier-payment',
    path: '/documents/supplier-payment',
    title: 'page.supplierPayment',
  },
  customer_rebate: {
    ...plain,
    pageKey: 'document-customer-rebate',
    path: '/documents/customer-rebate',
    title: 'page.customerRebate',
  },
  supplier_rebate: {
    ...plain,
    pageKey: 'document-supplier-rebate',
    path: '/documents/supplier-rebate',
    title: 'page.supplierRebate',
  },
  internal_transfer_out: {
    ...plain,
    pageKey: 'document-internal-transfer-out',
    path: '/documents/internal-transfer-out',
    title: 'page.internalTransferOut',
  },
  internal_transfer_in: {
    ...plain,
    pageKey: 'document-internal-transfer-in',
    path: '/documents/internal-transfer-in',
    title: 'page.internalTransferIn',
  },
};

/** The receipt or delivery an order of this type is executed by: the type whose lines are made from it. */
function executedBy(order: DocumentType): DocumentTypeUi['executesAs'] {
  const executing = documentTypes.find((type) => documentTypeRule(type).source?.type === order);
  return executing === 'purchase_receipt' || executing === 'sales_delivery' ? executing : null;
}

/** A traded line is priced; goods coming in at their line amount need a cost, at the current cost may name one. */
function linePrice(type: DocumentType): DocumentTypeUi['price'] {
  const rule = documentTypeRule(type);
  if (rule.direction === 'money') return null;
  if (carriesTax(type)) return 'trade';
  if (rule.receiptCost === 'line_amount') return 'cost';
  return rule.receiptCost === 'current_or_entered' ? 'optionalCost' : null;
}

function withRules(type: DocumentType): DocumentTypeUi {
  const rule = documentTypeRule(type);
  const source = rule.source?.type ?? null;
  const { priceGuess = null, ...screen } = screens[type];
  const price = linePrice(type);
  const priceSource = price === null ? null : (defaultPriceField(type) ?? priceGuess);
  return {
    ...screen,
    counterparty: rule.counterparty,
    price,
    priceSource,
    unitSource:
      priceSource === 'purchasePrice'
        ? 'defaultPurchaseUnit'
        : priceSource === 'salePrice'
          ? 'defaultSaleUnit'
          : null,
    transfer: rule.direction === 'transfer',
    counted: rule.direction === 'none',
    valueOnly: rule.direction === 'value',
    // A return's lines come from the receipt or delivery it returns; a receipt made from an order is 下推.
    originType: source !== null && documentTypeRule(source).direction !== 'order' ? source : null,
    executesAs: rule.direction === 'order' ? executedBy(type) : null,
    money: rule.direction === 'money' ? (rule.money?.side ?? null) : null,
  };
}

export const documentTypeUi: Readonly<Record<DocumentType, DocumentTypeUi>> = Object.fromEntries(
  documentTypes.map((type) => [type, withRules(type)]),
) as Record<DocumentType, DocumentTypeUi>;

/** The document has money figures: a priced type, value only, or a receipt / payment of money. */
export function showsMoney(type: DocumentType): boolean {
  const ui = documentTypeUi[type];
  return ui.price !== null || ui.valueOnly || ui.money !== null;
}

/**
 * The line's value is what was entered, not worked out (期初库存, a gain or other receipt at its value):
 * it is kept whatever unit the line is shown in and the unit price is derived from it, as the engine
 * does with a line's `amount` (DOMAIN.md §3: value is authoritative).
 */
export function entersValue(type: DocumentType): boolean {
  const rule = documentTypeRule(type);
  return (
    rule.receiptCost !== null &&
    rule.counterparty === 'none' &&
    !carriesTax(type) &&
    rule.direction !== 'value'
  );
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

/** The colour of each status's tag (DOMAIN.md §5). */
export const documentStatusColors: Record<DocumentStatus, string> = {
  draft: 'default',
  submitted: 'gold',
  awaiting_warehouse: 'blue',
  in_transit: 'purple',
  completed: 'green',
  voided: 'red',
  closed: 'cyan',
};

/** 执行状态 tags: partly executed stands out (more is to come), done is green, closed as its status. */
export const documentExecutionColors: Record<DocumentExecution, string> = {
  not_started: 'default',
  partial: 'orange',
  done: 'green',
  closed: 'cyan',
};

import type Database from 'better-sqlite3';
import { prepared } from '../../db/prepared';
import type { DocumentType } from '../../../shared/documents/document-types';
import { formatScaled } from '../../../shared/numbers/decimal';
import { priceScale, taxRateScale } from '../../../shared/numbers/scales';
import { costFigures } from '../access/cost-figures';
import { counterpartyIdInReach } from '../access/customer-scope';
import type { Actor } from '../context';

/**
 * 价格跟踪: sales prices come from sales orders and deliveries, purchase prices from orders and receipts;
 * transfers with another branch are priced like them (a transfer out is sold, a transfer in bought).
 */
export const priceSides = ['sale', 'purchase'] as const;
export type PriceSide = (typeof priceSides)[number];
const typesOf: Readonly<Record<PriceSide, readonly DocumentType[]>> = {
  sale: ['sales_order', 'sales_delivery', 'internal_transfer_out'],
  purchase: ['purchase_order', 'purchase_receipt', 'internal_transfer_in'],
};

interface PriceRow {
  line_id: number;
  goods_id: number;
  document_id: number;
  number: string;
  type: DocumentType;
  business_date: string;
  counterparty_code: string | null;
  counterparty_name: string | null;
  unit_name: string;
  quantity: number;
  unit_price: number;
  unit_price_with_tax: number;
  price_includes_tax: number;
  tax_rate: number;
  discount_rate: number;
}

/**
 * The lines a price was agreed on: approved or further along (not drafts, not voided), not reversals,
 * not gifts, newest first. A price on a document counts from its business date.
 */
const priceLines =
  'SELECT l.id AS line_id, l.goods_id, d.id AS document_id, d.number, d.type, d.business_date, ' +
  'c.code AS counterparty_code, c.name AS counterparty_name, l.unit_name, l.quantity, l.unit_price, ' +
  'l.unit_price_with_tax, l.price_includes_tax, l.tax_rate, l.discount_rate ' +
  'FROM document_lines l JOIN documents d ON d.id = l.document_id LEFT JOIN counterparties c ON c.id = d.counterparty_id ' +
  "WHERE d.type IN (SELECT value FROM json_each(?)) AND d.status NOT IN ('draft', 'submitted', 'voided') " +
  'AND d.reversal_of_id IS NULL AND l.is_gift = 0';

/** The price lines the actor may read: none with a customer out of their customer scope. */
const priceLinesFor = (actor: Actor) =>
  `${priceLines} AND ${counterpartyIdInReach(actor.customerReach, 'd.counterparty_id')}`;

/** A line's price as the actor may read it: a purchase price is what the goods cost. */
function priceView(actor: Actor, side: PriceSide, row: PriceRow, quantityDecimals: number) {
  const view = {
    lineId: row.line_id,
    goodsId: row.goods_id,
    documentId: row.document_id,
    documentNumber: row.number,
    documentType: row.type,
    businessDate: row.business_date,
    counterpartyCode: row.counterparty_code,
    counterpartyName: row.counterparty_name,
    unitName: row.unit_name,
    quantity: formatScaled(row.quantity, quantityDecimals),
    unitPrice: formatScaled(row.unit_price, priceScale),
    unitPriceWithTax: formatScaled(row.unit_price_with_tax, priceScale),
    priceIncludesTax: row.price_includes_tax === 1,
    taxRate: formatScaled(row.tax_rate, taxRateScale),
    discountRate: formatScaled(row.discount_rate, taxRateScale),
  };
  return costFigures(actor, view, side === 'purchase' ? ['unitPrice', 'unitPriceWithTax'] : []);
}

/**
 * The last price each goods was traded at with one counterparty (最近价格), per unit — offered first
 * on a new line, with its date, before the goods' default price.
 */
export function lastPrices(
  actor: Actor,
  sqlite: Database.Database,
  input: { counterpartyId: number; side: PriceSide; goodsIds: readonly number[] },
  quantityDecimals: number,
) {
  const rows = prepared(
    sqlite,
    `${priceLinesFor(actor)} AND d.counterparty_id = ? AND l.goods_id IN (SELECT value FROM json_each(?)) ` +
      'ORDER BY d.business_date DESC, d.id DESC, l.line_no',
  ).all(
    JSON.stringify(typesOf[input.side]),
    input.counterpartyId,
    JSON.stringify(input.goodsIds),
  ) as PriceRow[];
  const seen = new Set<string>();
  return rows
    .filter((row) => {
      const key = `${row.goods_id}:${row.unit_name}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map((row) => priceView(actor, input.side, row, quantityDecimals));
}

export interface PriceHistoryInput {
  goodsId: number;
  side: PriceSide;
  counterpartyId?: number | undefined;
  /** Business dates from and to, both included; open-ended where left out. */
  from?: string | undefined;
  to?: string | undefined;
  /** At most this many lines, the newest; every line when left out (价格跟踪 as a report). */
  limit?: number | undefined;
}

/** 历史价格 of one goods, with one counterparty or all, over some days or all of them, newest first. */
export function priceHistory(
  actor: Actor,
  sqlite: Database.Database,
  input: PriceHistoryInput,
  quantityDecimals: number,
) {
  const rows = prepared(
    sqlite,
    `${priceLinesFor(actor)} AND l.goods_id = ? AND (? IS NULL OR d.counterparty_id = ?) ` +
      'AND (? IS NULL OR d.business_date >= ?) AND (? IS NULL OR d.business_date <= ?) ' +
      // A negative limit is SQLite's "no limit".
      'ORDER BY d.business_date DESC, d.id DESC, l.line_no LIMIT ?',
  ).all(
    JSON.stringify(typesOf[input.side]),
    input.goodsId,
    input.counterpartyId ?? null,
    input.counterpartyId ?? null,
    input.from ?? null,
    input.from ?? null,
    input.to ?? null,
    input.to ?? null,
    input.limit ?? -1,
  ) as PriceRow[];
  return rows.map((row) => priceView(actor, input.side, row, quantityDecimals));
}

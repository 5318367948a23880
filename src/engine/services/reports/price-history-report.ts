import { documentTypeRule } from '../../../shared/documents/document-types';
import { LedgerError } from '../../../shared/ledger-error';
import { getBranchProfile } from '../branch/branch-profile';
import { reachesCounterparty } from '../access/customer-scope';
import type { ServiceContext } from '../context';
import { priceHistory, type PriceSide } from '../documents/price-history';
import { readParties, type PartyFacts } from './party-lookups';
import { requireGoods } from './report-lookups';

export interface PriceHistoryReportInput {
  goodsId: number;
  /** 销售 (orders, deliveries, transfers out) or 采购 (orders, receipts, transfers in). */
  side: PriceSide;
  /** One customer or supplier, or everyone the goods was traded with. */
  counterpartyId?: number | undefined;
  /** Business dates, both included; open-ended where left out. */
  from?: string | undefined;
  to?: string | undefined;
}

export const priceSideLabels: Readonly<Record<PriceSide, string>> = { sale: '销售', purchase: '采购' };

/**
 * 价格跟踪: the prices one goods was sold or bought at — every line a price was agreed on
 * (price-history.ts: approved or further along; no drafts, voided documents, reversals or gifts),
 * newest first, with its document, so a clerk sees what each customer or supplier was given.
 */
export function priceHistoryReport(ctx: ServiceContext, input: PriceHistoryReportInput) {
  if (input.from !== undefined && input.to !== undefined && input.from > input.to) {
    throw new LedgerError('VALIDATION', `开始日期 ${input.from} 晚于结束日期 ${input.to}。`);
  }
  const sqlite = ctx.db.$client;
  const goods = requireGoods(sqlite, input.goodsId);
  let counterparty: PartyFacts | null = null;
  if (input.counterpartyId !== undefined) {
    counterparty = reachesCounterparty(ctx.db, ctx.actor, input.counterpartyId)
      ? (readParties(sqlite, 'counterparties', [input.counterpartyId]).get(input.counterpartyId) ?? null)
      : null;
    if (!counterparty) throw new LedgerError('NOT_FOUND', `往来单位 ${input.counterpartyId} 不存在。`);
  }
  const lines = priceHistory(ctx.actor, sqlite, input, getBranchProfile(ctx).quantityDecimals);
  return {
    goods: { id: goods.id, code: goods.code, name: goods.name, spec: goods.spec },
    side: input.side,
    sideLabel: priceSideLabels[input.side],
    counterparty,
    from: input.from ?? null,
    to: input.to ?? null,
    rows: lines.map((line) => ({
      lineId: line.lineId,
      date: line.businessDate,
      documentId: line.documentId,
      documentNumber: line.documentNumber,
      documentType: line.documentType,
      documentTypeLabel: documentTypeRule(line.documentType).label,
      counterpartyCode: line.counterpartyCode,
      counterpartyName: line.counterpartyName,
      unitName: line.unitName,
      quantity: line.quantity,
      unitPrice: line.unitPrice,
      unitPriceWithTax: line.unitPriceWithTax,
      /** Whether the clerk typed the price with tax (含税): that one is as agreed, the other derived. */
      priceIncludesTax: line.priceIncludesTax,
      priceIncludesTaxLabel: line.priceIncludesTax ? '是' : '否',
      taxRate: `${line.taxRate}%`,
      discountRate: `${line.discountRate}%`,
    })),
  };
}

export type PriceHistoryReport = ReturnType<typeof priceHistoryReport>;

import type Database from 'better-sqlite3';
import { prepared } from '../../db/prepared';
import { formatScaled } from '../../../shared/numbers/decimal';
import { mulDivRound } from '../../../shared/numbers/integer-math';
import { channelTierLabels, channelTiers, type ChannelTier } from '../../domain/master-data/channel';
import { LedgerError } from '../../../shared/ledger-error';
import { getBranchProfile } from '../branch/branch-profile';
import { counterpartyIdInReach } from '../access/customer-scope';
import type { ServiceContext } from '../context';
import { costFigures } from '../access/cost-figures';
import { assertIndependent } from '../money/independent-accounting';
import { readParties, unassignedName, type PartyFacts, type PartyTable } from './party-lookups';
import { moneyText, quantityText } from './report-figures';
import { readGoodsNames, type GoodsFacts } from './report-lookups';

/** What the gross-profit rows are. */
export const grossProfitGroupings = [
  'goods',
  'customer',
  'salesperson',
  'office',
  'channelTier',
  'month',
] as const;
export type GrossProfitGrouping = (typeof grossProfitGroupings)[number];
export const grossProfitGroupingLabels: Readonly<Record<GrossProfitGrouping, string>> = {
  goods: '商品',
  customer: '客户',
  salesperson: '业务员',
  office: '办事处',
  channelTier: '渠道类型',
  month: '月份',
};

export interface GrossProfitInput {
  from: string;
  to: string;
  groupBy: GrossProfitGrouping;
}

/** An inter-branch transfer out is, under independent accounting, a sale at the transfer price (§6.3). */
type ProfitDocumentType = 'sales_delivery' | 'internal_transfer_out' | 'sales_return' | 'purchase_return';

/**
 * A receipt that filled negative stock (DOMAIN.md §6.6): the issues went out at the last cost, and what
 * the receipt cost beyond that is cost of goods sold, booked by the receipt (`stock_movements.correction`).
 */
type NegativeStockCorrection = 'negative_stock_correction';

/** A completed line that earns, costs or returns, with what the report groups it by. */
interface ProfitLine {
  type: ProfitDocumentType | NegativeStockCorrection;
  businessDate: string;
  goodsId: number;
  customerId: number | null;
  salespersonId: number | null;
  officeId: number | null;
  channelTier: ChannelTier | null;
  amount: number;
  amountWithTax: number;
  baseQuantity: number;
  confirmedBaseQuantity: number | null;
  isGift: number;
  /** Σ value of the line's stock movements, signed (an issue is negative). */
  movementValue: number;
}

interface Figures {
  quantity: number;
  revenue: number;
  cogs: number;
  variance: number;
}

interface Group {
  key: string;
  id: number | null;
  code: string;
  name: string;
  spec: string;
  baseUnit: string;
  /** Sorts the rows: codes, months, or the channel's order. */
  order: string;
  unassigned: boolean;
  figures: Figures;
}

/** GP ÷ revenue as a percentage with two decimals; none where nothing was sold. */
function marginText(grossProfit: number, revenue: number): string | null {
  if (revenue === 0) return null;
  return `${formatScaled(mulDivRound(grossProfit, 10_000, revenue), 2, 2)}%`;
}

/**
 * The part of a line's amount that was posted: what the keeper confirmed of its quantity, as the
 * receivable and the stock movement take it (open-items.ts, post-lines.ts).
 */
function confirmedShare(line: ProfitLine, amount: number): number {
  const confirmed = line.confirmedBaseQuantity ?? line.baseQuantity;
  return confirmed === line.baseQuantity ? amount : mulDivRound(amount, confirmed, line.baseQuantity);
}

/**
 * What a line adds to revenue, cost of goods sold and purchase variance (DOMAIN.md §7, §6.4). A gift
 * earns nothing but its cost is sold all the same (§5). A return lowers revenue and brings its issue cost
 * back; a red-letter reversal's lines are negative and undo their original by themselves. A purchase
 * return lowers the payable by its price — excluding VAT for a general taxpayer, whose input VAT is
 * deducted, including it for a small-scale one, whose cost carries it (§2) — and whatever the stock value
 * it took out differs from that is the variance, kept out of stock.
 */
function lineFigures(line: ProfitLine, taxpayerType: 'general' | 'small'): Figures {
  const confirmed = line.confirmedBaseQuantity ?? line.baseQuantity;
  const cost = -line.movementValue;
  switch (line.type) {
    case 'sales_delivery':
    case 'internal_transfer_out':
      return {
        quantity: confirmed,
        revenue: line.isGift ? 0 : confirmedShare(line, line.amount),
        cogs: cost,
        variance: 0,
      };
    case 'sales_return':
      return {
        quantity: -confirmed,
        revenue: line.isGift ? 0 : -confirmedShare(line, line.amount),
        cogs: cost,
        variance: 0,
      };
    case 'purchase_return': {
      const price = taxpayerType === 'small' ? line.amountWithTax : line.amount;
      return { quantity: 0, revenue: 0, cogs: 0, variance: cost - confirmedShare(line, price) };
    }
    // The correction is what the stock took less than the receipt cost: the rest is cost of sales.
    case 'negative_stock_correction':
      return { quantity: 0, revenue: 0, cogs: -line.movementValue, variance: 0 };
  }
}

const purchaseVarianceKey = 'purchaseVariance';
const correctionKey = 'negativeStockCorrection';

type Heading = Omit<Group, 'figures'>;

const partyTables: Partial<Record<GrossProfitGrouping, PartyTable>> = {
  customer: 'counterparties',
  salesperson: 'employees',
  office: 'offices',
};

function heading(key: string, code: string, name: string, order: string): Heading {
  return { key, id: null, code, name, spec: '', baseUnit: '', order, unassigned: false };
}

function unassigned(key: string): Heading {
  return { ...heading(key, '', unassignedName, ''), unassigned: true };
}

/** The row a line counts in, for the chosen grouping; names are read once for all lines. */
function grouper(
  sqlite: Database.Database,
  groupBy: GrossProfitGrouping,
  lines: readonly ProfitLine[],
): (line: ProfitLine) => Heading {
  const partyIdOf = (line: ProfitLine) =>
    groupBy === 'customer' ? line.customerId : groupBy === 'salesperson' ? line.salespersonId : line.officeId;
  const partyTable = partyTables[groupBy];
  const parties = partyTable
    ? readParties(
        sqlite,
        partyTable,
        lines.flatMap((line) => partyIdOf(line) ?? []),
      )
    : new Map<number, PartyFacts>();
  const goods =
    groupBy === 'goods'
      ? readGoodsNames(
          sqlite,
          lines.map((line) => line.goodsId),
        )
      : new Map<number, Omit<GoodsFacts, 'units'>>();

  return (line) => {
    if (groupBy !== 'goods' && groupBy !== 'month') {
      if (line.type === 'purchase_return') return heading(purchaseVarianceKey, '', '采购差异', '');
      if (line.type === 'negative_stock_correction') return heading(correctionKey, '', '负库存成本调整', '');
    }
    switch (groupBy) {
      case 'goods': {
        const facts = goods.get(line.goodsId);
        const code = facts?.code ?? '';
        return {
          ...heading(`goods:${line.goodsId}`, code, facts?.name ?? '', code),
          id: line.goodsId,
          spec: facts?.spec ?? '',
          baseUnit: facts?.baseUnit ?? '',
        };
      }
      case 'month': {
        const month = line.businessDate.slice(0, 7);
        return heading(`month:${month}`, month, `${month.slice(0, 4)}年${month.slice(5, 7)}月`, month);
      }
      case 'channelTier': {
        const tier = line.channelTier;
        if (tier === null) return unassigned('tier:');
        // The channel's own order, dealer first, rather than the labels' alphabet.
        const order = String(channelTiers.indexOf(tier)).padStart(2, '0');
        return heading(`tier:${tier}`, '', channelTierLabels[tier], order);
      }
      default: {
        const id = partyIdOf(line);
        if (id === null) return unassigned(`${groupBy}:`);
        const party = parties.get(id);
        const code = party?.code ?? '';
        return { ...heading(`${groupBy}:${id}`, code, party?.name ?? '', code), id };
      }
    }
  };
}

/**
 * 毛利 (DOMAIN.md §7): revenue (excluding output VAT) − cost of goods sold − purchase variance for the
 * completed documents dated in a period, by goods, customer, salesperson (the document's 经手人, else the
 * customer's salesperson), office (the document's, else the customer's), channel tier or month. A purchase
 * variance belongs to goods and to its month; grouped any other way it is a row of its own, 采购差异.
 * Cost is the stock value the issues took as it stands now, so a later re-costing (backdating, monthly
 * average) shows here too, and so does what a receipt filling negative stock (§6.6) booked to cost of
 * sales — by goods and month, or as a row of its own, 负库存成本调整, like the purchase variance.
 */
export function grossProfit(ctx: ServiceContext, input: GrossProfitInput) {
  assertIndependent(ctx);
  if (input.from > input.to) {
    throw new LedgerError('VALIDATION', `开始日期 ${input.from} 晚于结束日期 ${input.to}。`);
  }
  const sqlite = ctx.db.$client;
  const { taxpayerType, quantityDecimals } = getBranchProfile(ctx);
  // A role scoped to some customers sees the profit made on them (customer-scope.ts).
  const reach = ctx.actor.customerReach;
  const lines = prepared(
    sqlite,
    'SELECT d.type, d.business_date AS businessDate, l.goods_id AS goodsId, d.counterparty_id AS customerId, ' +
      'coalesce(d.handler_id, c.salesperson_id) AS salespersonId, coalesce(d.office_id, c.office_id) AS officeId, ' +
      'c.channel_tier AS channelTier, l.amount, l.amount_with_tax AS amountWithTax, l.base_quantity AS baseQuantity, ' +
      'l.confirmed_base_quantity AS confirmedBaseQuantity, l.is_gift AS isGift, ' +
      "coalesce((SELECT sum(m.value) FROM stock_movements m WHERE m.line_id = l.id AND m.kind IN ('sales', 'internal_out', 'sales_return', 'purchase_return')), 0) AS movementValue " +
      'FROM documents d JOIN document_lines l ON l.document_id = d.id LEFT JOIN counterparties c ON c.id = d.counterparty_id ' +
      "WHERE d.status = 'completed' AND d.type IN ('sales_delivery', 'internal_transfer_out', 'sales_return', 'purchase_return') " +
      `AND d.business_date BETWEEN ? AND ? AND ${counterpartyIdInReach(reach, 'd.counterparty_id')} ` +
      'ORDER BY d.business_date, d.id, l.line_no',
  ).all(input.from, input.to) as ProfitLine[];
  const corrections = prepared(
    sqlite,
    "SELECT 'negative_stock_correction' AS type, posting_date AS businessDate, goods_id AS goodsId, " +
      'NULL AS customerId, NULL AS salespersonId, NULL AS officeId, NULL AS channelTier, 0 AS amount, ' +
      '0 AS amountWithTax, 0 AS baseQuantity, NULL AS confirmedBaseQuantity, 0 AS isGift, sum(correction) AS movementValue ' +
      'FROM stock_movements WHERE correction <> 0 AND posting_date BETWEEN ? AND ? GROUP BY posting_date, goods_id',
  ).all(input.from, input.to) as ProfitLine[];
  // Negative-stock corrections belong to no customer: part of the branch's profit, not of a scoped one's.
  if (reach.scope === 'all') lines.push(...corrections);

  const groupOf = grouper(sqlite, input.groupBy, lines);
  const groups = new Map<string, Group>();
  const totals: Figures = { quantity: 0, revenue: 0, cogs: 0, variance: 0 };
  for (const line of lines) {
    const figures = lineFigures(line, taxpayerType);
    const found = groupOf(line);
    const group = groups.get(found.key) ?? {
      ...found,
      figures: { quantity: 0, revenue: 0, cogs: 0, variance: 0 },
    };
    for (const name of Object.keys(totals) as (keyof Figures)[]) {
      group.figures[name] += figures[name];
      totals[name] += figures[name];
    }
    groups.set(found.key, group);
  }

  const texts = (figures: Figures) => {
    const profit = figures.revenue - figures.cogs - figures.variance;
    // Profit is revenue less cost: whoever reads it and the revenue has the cost too.
    return costFigures(
      ctx.actor,
      {
        revenue: moneyText(figures.revenue),
        cogs: moneyText(figures.cogs),
        purchaseVariance: moneyText(figures.variance),
        grossProfit: moneyText(profit),
        margin: marginText(profit, figures.revenue),
      },
      ['cogs', 'purchaseVariance', 'grossProfit', 'margin'],
    );
  };
  const rank = (group: Group) =>
    group.key === purchaseVarianceKey || group.key === correctionKey ? 2 : group.unassigned ? 1 : 0;
  const rows = [...groups.values()]
    .sort((a, b) => rank(a) - rank(b) || (a.order < b.order ? -1 : a.order > b.order ? 1 : 0))
    .map((group) => ({
      key: group.key,
      id: group.id,
      code: group.code,
      name: group.name,
      spec: group.spec,
      /** Net base quantity sold (deliveries − returns), by goods only: other groups mix units. */
      quantity: input.groupBy === 'goods' ? quantityText(group.figures.quantity, quantityDecimals) : null,
      baseUnit: group.baseUnit,
      ...texts(group.figures),
    }));
  return {
    from: input.from,
    to: input.to,
    groupBy: input.groupBy,
    taxpayerType,
    rows,
    totals: texts(totals),
  };
}

export type GrossProfitReport = ReturnType<typeof grossProfit>;

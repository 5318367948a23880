import type Database from 'better-sqlite3';
import { addDays } from '../../domain/calendar/calendar';
import { channelTierLabels, type ChannelTier } from '../../domain/master-data/channel';
import { periodOf, type ReportPeriod } from '../../domain/channel/report-period';
import type { ReportKind } from '../../../shared/channel/channel-report';
import { formatScaled } from '../../../shared/numbers/decimal';
import { mulDivRound } from '../../../shared/numbers/integer-math';
import { baseUnitRatio } from '../../../shared/numbers/scales';
import { counterpartyInReach } from '../access/customer-scope';
import { getBranchProfile } from '../branch/branch-profile';
import type { ServiceContext } from '../context';

/**
 * The lines of the channel reports in force over a range, with the customer and goods they are of — what
 * every channel figure (net shipments, days of stock, the two sources, a promotion's verification) is
 * worked from. Only the customers in the reader's scope.
 */
export interface ChannelLine {
  periodStart: string;
  periodEnd: string;
  officeId: number;
  officeName: string;
  customerId: number;
  customerCode: string;
  customerName: string;
  tier: ChannelTier | null;
  parentId: number | null;
  goodsId: number;
  goodsCode: string;
  goodsName: string;
  /** Base units × 10^quantityDecimals. */
  opening: number;
  purchases: number;
  closing: number;
  inTransit: number;
}

export interface LineFilter {
  officeId?: number | undefined;
  customerIds?: readonly number[] | undefined;
  goodsIds?: readonly number[] | undefined;
}

/** The periods of a kind from the one `from` is in to the one `to` is in. */
export function periodsBetween(kind: ReportKind, from: string, to: string): ReportPeriod[] {
  const periods: ReportPeriod[] = [];
  for (let period = periodOf(kind, from); period.start <= to;) {
    periods.push(period);
    period = periodOf(kind, addDays(period.end, 1));
  }
  return periods;
}

const ids = (list: readonly number[]) => list.map((id) => Number(id)).join(', ');

/** Lines of the reports in force of `kind` whose period starts in [fromStart, toStart]. */
export function channelLines(
  ctx: ServiceContext,
  kind: ReportKind,
  fromStart: string,
  toStart: string,
  filter: LineFilter = {},
): ChannelLine[] {
  const conditions = [
    "r.kind = ? AND r.status <> 'superseded' AND r.period_start BETWEEN ? AND ?",
    counterpartyInReach(ctx.actor.customerReach, 'p'),
  ];
  if (filter.officeId !== undefined) conditions.push(`r.office_id = ${Number(filter.officeId)}`);
  if (filter.customerIds?.length) conditions.push(`l.customer_id IN (${ids(filter.customerIds)})`);
  if (filter.goodsIds?.length) conditions.push(`l.goods_id IN (${ids(filter.goodsIds)})`);
  return ctx.db.$client
    .prepare(
      'SELECT r.period_start AS periodStart, r.period_end AS periodEnd, r.office_id AS officeId, o.name AS officeName, ' +
        'l.customer_id AS customerId, p.code AS customerCode, p.name AS customerName, p.channel_tier AS tier, p.parent_id AS parentId, ' +
        'l.goods_id AS goodsId, g.code AS goodsCode, g.name AS goodsName, l.opening, l.purchases, l.closing, l.in_transit AS inTransit ' +
        'FROM channel_report_lines l JOIN channel_reports r ON r.id = l.report_id JOIN offices o ON o.id = r.office_id ' +
        'JOIN counterparties p ON p.id = l.customer_id JOIN goods g ON g.id = l.goods_id ' +
        `WHERE ${conditions.join(' AND ')} ORDER BY r.period_start, o.code, p.code, g.code`,
    )
    .all(kind, fromStart, toStart) as ChannelLine[];
}

export const netOf = (line: { opening: number; purchases: number; closing: number }) =>
  line.opening + line.purchases - line.closing;

export const tierLabel = (tier: ChannelTier | null) => (tier ? channelTierLabels[tier] : '未设置');

/**
 * Quantities as the channel figures show them: in each goods' largest unit (箱, as offices count), with the
 * branch's decimals — 768 袋 of a 24-袋 箱 is "32".
 */
export class DisplayUnits {
  private readonly units = new Map<number, { name: string; ratio: number }>();
  readonly decimals: number;

  constructor(
    private readonly sqlite: Database.Database,
    ctx: ServiceContext,
  ) {
    this.decimals = getBranchProfile(ctx).quantityDecimals;
  }

  unitOf(goodsId: number): { name: string; ratio: number } {
    let unit = this.units.get(goodsId);
    if (!unit) {
      unit = this.sqlite
        .prepare('SELECT name, ratio FROM goods_units WHERE goods_id = ? ORDER BY ratio DESC LIMIT 1')
        .get(goodsId) as { name: string; ratio: number } | undefined;
      unit ??= { name: '', ratio: baseUnitRatio };
      this.units.set(goodsId, unit);
    }
    return unit;
  }

  /** Base units × 10^qd → the display unit × 10^qd. */
  scaled(goodsId: number, base: number): number {
    return mulDivRound(base, baseUnitRatio, this.unitOf(goodsId).ratio);
  }

  text(goodsId: number, base: number): string {
    return formatScaled(this.scaled(goodsId, base), this.decimals);
  }
}

/**
 * The branch's own net deliveries to customers (system data, DOMAIN.md §9): completed 销售出库 less 销售退货,
 * as confirmed by the keeper, gifts included — what physically reached the customer — in base units, by
 * `customerId@goodsId@day`.
 */
export function branchDeliveries(
  ctx: ServiceContext,
  from: string,
  to: string,
  customerIds: readonly number[],
): { customerId: number; goodsId: number; businessDate: string; baseQuantity: number }[] {
  if (customerIds.length === 0) return [];
  return ctx.db.$client
    .prepare(
      'SELECT d.counterparty_id AS customerId, l.goods_id AS goodsId, d.business_date AS businessDate, ' +
        "sum(CASE d.type WHEN 'sales_return' THEN -1 ELSE 1 END * coalesce(l.confirmed_base_quantity, l.base_quantity)) AS baseQuantity " +
        'FROM documents d JOIN document_lines l ON l.document_id = d.id ' +
        "WHERE d.type IN ('sales_delivery', 'sales_return') AND d.status = 'completed' AND d.business_date BETWEEN ? AND ? " +
        `AND d.counterparty_id IN (${ids(customerIds)}) GROUP BY d.counterparty_id, l.goods_id, d.business_date`,
    )
    .all(from, to) as { customerId: number; goodsId: number; businessDate: string; baseQuantity: number }[];
}

import { coverBandLabels, type CoverBand, type ReportKind } from '../../../shared/channel/channel-report';
import { formatScaled } from '../../../shared/numbers/decimal';
import { mulDivRound } from '../../../shared/numbers/integer-math';
import { addDays, daysBetween } from '../../domain/calendar/calendar';
import { periodOf, previousPeriod } from '../../domain/channel/report-period';
import type { ServiceContext } from '../context';
import { UnitConverter } from '../contracts/contract-shipments';
import { channelLines, DisplayUnits, netOf, tierLabel } from './channel-lines';

/** The weeks days of cover average net shipments over (issue 15: "the last 4 weeks"). */
export const coverWeeks = 4;

/** Under a week is short, over a month too much (issue 15's bands). */
export function coverBand(days: number): CoverBand {
  if (days < 7) return 'short';
  return days > 30 ? 'long' : 'normal';
}

/** Days to one decimal, in tenths: a figure a manager reads, not a ledger amount. */
const tenths = (value: number) => formatScaled(value, 1);

/**
 * 库存消化天数 (DOMAIN.md §9) for the customers' counted stock at the end of a period:
 * - against the agreement: closing ÷ (annual signed volume ÷ 365), the signed volume of the goods in the
 *   customer's agreement in force at the period's end, a contract for other than a year scaled to one;
 * - against what moves: closing ÷ (average weekly net shipments of the last 4 weeks ÷ 7), from the weekly
 *   reports of the 4 weeks ending with the period.
 * Each with its band. A customer without a signed volume for the goods, or with nothing moving, has no
 * figure there (null), never a division by zero.
 */
export function daysOfStock(
  ctx: ServiceContext,
  input: { kind: ReportKind; day: string; officeId?: number | undefined },
) {
  const sqlite = ctx.db.$client;
  const units = new DisplayUnits(sqlite, ctx);
  const converter = new UnitConverter(sqlite);
  const period = periodOf(input.kind, input.day);
  const lines = channelLines(ctx, input.kind, period.start, period.start, { officeId: input.officeId });

  // The 4 weeks ending with the period: for a month, the weeks whose Sunday falls in its last 28 days.
  const lastWeek = periodOf('weekly', period.end);
  const weeks = [lastWeek];
  while (weeks.length < coverWeeks) weeks.unshift(previousPeriod(weeks[0]!));
  const weekly = channelLines(ctx, 'weekly', weeks[0]!.start, lastWeek.start, {
    customerIds: lines.map((line) => line.customerId),
  });
  const weeklyNet = new Map<string, { sum: number; weeks: number }>();
  for (const line of weekly) {
    const key = `${line.customerId}@${line.goodsId}`;
    const entry = weeklyNet.get(key) ?? { sum: 0, weeks: 0 };
    entry.sum += netOf(line);
    entry.weeks += 1;
    weeklyNet.set(key, entry);
  }

  const signedStatement = sqlite.prepare(
    'SELECT l.unit_name AS unitName, l.quantity, c.period_start AS periodStart, c.period_end AS periodEnd FROM contract_lines l ' +
      "JOIN contracts c ON c.id = l.contract_id WHERE c.kind = 'sales' AND c.status IN ('approved', 'executing', 'ended') " +
      'AND c.counterparty_id = ? AND l.goods_id = ? AND c.period_start <= ? AND c.period_end >= ?',
  );
  /** The annual signed volume in base units, or null without one. */
  const annualSigned = (customerId: number, goodsId: number): number | null => {
    const signed = signedStatement.all(customerId, goodsId, period.end, period.end) as {
      unitName: string;
      quantity: number;
      periodStart: string;
      periodEnd: string;
    }[];
    if (signed.length === 0) return null;
    const days = daysBetween(signed[0]!.periodStart, addDays(signed[0]!.periodEnd, 1));
    const ratio = (unitName: string) => converter.ratio(goodsId, unitName) ?? 1_000_000;
    const base = signed.reduce(
      (sum, line) => sum + mulDivRound(line.quantity, ratio(line.unitName), 1_000_000),
      0,
    );
    return mulDivRound(base, 365, days);
  };

  const rows = lines.map((line) => {
    const annual = annualSigned(line.customerId, line.goodsId);
    // closing × 365 ÷ annual, in tenths of a day.
    const toConsume = annual !== null && annual > 0 ? mulDivRound(line.closing, 3650, annual) : null;
    const moving = weeklyNet.get(`${line.customerId}@${line.goodsId}`);
    const average = moving && moving.weeks > 0 ? moving.sum / moving.weeks : 0;
    // closing ÷ (average ÷ 7) = closing × 7 ÷ average, in tenths.
    const cover = average > 0 ? Math.round((line.closing * 70) / average) : null;
    const band = (value: number | null) => (value === null ? null : coverBand(value / 10));
    return {
      officeName: line.officeName,
      customerCode: line.customerCode,
      customerName: line.customerName,
      tierLabel: tierLabel(line.tier),
      goodsCode: line.goodsCode,
      goodsName: line.goodsName,
      unitName: units.unitOf(line.goodsId).name,
      closing: units.text(line.goodsId, line.closing),
      inTransit: units.text(line.goodsId, line.inTransit),
      annualSigned: annual === null ? null : units.text(line.goodsId, annual),
      daysToConsume: toConsume === null ? null : tenths(toConsume),
      consumeBand: band(toConsume),
      consumeBandLabel: band(toConsume) ? coverBandLabels[band(toConsume)!] : null,
      weeklyNet: moving ? units.text(line.goodsId, Math.round(average)) : null,
      weeksAveraged: moving?.weeks ?? 0,
      daysOfCover: cover === null ? null : tenths(cover),
      coverBand: band(cover),
      coverBandLabel: band(cover) ? coverBandLabels[band(cover)!] : null,
    };
  });
  return { kind: input.kind, period: { start: period.start, end: period.end, label: period.label }, rows };
}

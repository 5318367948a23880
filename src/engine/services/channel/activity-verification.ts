import { LedgerError } from '../../../shared/ledger-error';
import type { ServiceContext } from '../context';
import {
  branchDeliveries,
  channelLines,
  DisplayUnits,
  netOf,
  periodsBetween,
  tierLabel,
} from './channel-lines';

/**
 * 活动期间销量核准 (issue 15): the net shipments of a set of customers and goods over a promotion's dates, for
 * head office's 核准 and 核销. Counted from the weekly reports of the weeks wholly inside the dates (a week
 * the promotion only partly covers is named, not guessed at); per customer × goods the opening of the first
 * week, the purchases, the closing of the last, the net shipments, and beside them the branch's deliveries over
 * the same weeks. A week with no report from the customer is counted as missing: its promotion cannot be paid
 * on what is not there.
 */
export function activityVerification(
  ctx: ServiceContext,
  input: { from: string; to: string; customerIds?: number[] | undefined; goodsIds?: number[] | undefined },
) {
  if (input.from > input.to) throw new LedgerError('VALIDATION', '活动开始日期不能晚于结束日期。');
  const units = new DisplayUnits(ctx.db.$client, ctx);
  const touched = periodsBetween('weekly', input.from, input.to);
  const weeks = touched.filter((week) => week.start >= input.from && week.end <= input.to);
  const partial = touched.filter((week) => !weeks.includes(week));
  const base = {
    from: input.from,
    to: input.to,
    weeks: weeks.map((week) => week.label),
    partialWeeks: partial.map((week) => week.label),
  };
  if (weeks.length === 0) return { ...base, rows: [] };
  const lines = channelLines(ctx, 'weekly', weeks[0]!.start, weeks.at(-1)!.start, input);
  const byKey = new Map<
    string,
    {
      first: (typeof lines)[number];
      last: (typeof lines)[number];
      purchases: number;
      net: number;
      weeks: number;
    }
  >();
  for (const line of lines) {
    const key = `${line.customerId}@${line.goodsId}`;
    const entry = byKey.get(key);
    if (!entry)
      byKey.set(key, { first: line, last: line, purchases: line.purchases, net: netOf(line), weeks: 1 });
    else {
      entry.last = line;
      entry.purchases += line.purchases;
      entry.net += netOf(line);
      entry.weeks += 1;
    }
  }
  const delivered = new Map<string, number>();
  for (const delivery of branchDeliveries(ctx, weeks[0]!.start, weeks.at(-1)!.end, [
    ...new Set(lines.map((line) => line.customerId)),
  ])) {
    const key = `${delivery.customerId}@${delivery.goodsId}`;
    delivered.set(key, (delivered.get(key) ?? 0) + delivery.baseQuantity);
  }
  return {
    ...base,
    rows: [...byKey.entries()].map(([key, entry]) => {
      const { first, last } = entry;
      return {
        officeName: first.officeName,
        customerCode: first.customerCode,
        customerName: first.customerName,
        tierLabel: tierLabel(first.tier),
        goodsCode: first.goodsCode,
        goodsName: first.goodsName,
        unitName: units.unitOf(first.goodsId).name,
        opening: units.text(first.goodsId, first.opening),
        purchases: units.text(first.goodsId, entry.purchases),
        closing: units.text(first.goodsId, last.closing),
        net: units.text(first.goodsId, entry.net),
        delivered: units.text(first.goodsId, delivered.get(key) ?? 0),
        weeksReported: entry.weeks,
        weeksMissing: weeks.length - entry.weeks,
      };
    }),
  };
}

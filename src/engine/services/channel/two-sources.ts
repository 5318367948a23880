import type { ReportKind } from '../../../shared/channel/channel-report';
import { formatScaled } from '../../../shared/numbers/decimal';
import { mulDivRound } from '../../../shared/numbers/integer-math';
import { periodOf } from '../../domain/channel/report-period';
import type { ServiceContext } from '../context';
import { branchDeliveries, channelLines, DisplayUnits, tierLabel, type LineFilter } from './channel-lines';

/** The difference as a percentage of what the branch delivered, to one decimal; null when it delivered nothing. */
function percentOf(difference: number, system: number): string | null {
  return system === 0 ? null : formatScaled(mulDivRound(difference, 1000, system), 1);
}

/**
 * 两个口径 (DOMAIN.md §9): per period, customer and goods, what the branch's books delivered to the customer
 * (system data: completed 销售出库 less 销售退货, as confirmed) beside the purchases the customer reported (report
 * data), the difference (reported − delivered) and its percentage of the delivered. A customer the branch
 * delivered to but whose report has no line for the goods shows its delivery against a report of nothing.
 */
export function twoSources(
  ctx: ServiceContext,
  input: { kind: ReportKind; from: string; to: string } & LineFilter,
) {
  const units = new DisplayUnits(ctx.db.$client, ctx);
  const first = periodOf(input.kind, input.from);
  const last = periodOf(input.kind, input.to);
  const lines = channelLines(ctx, input.kind, first.start, last.start, input);
  const customers = new Map(lines.map((line) => [line.customerId, line]));
  const rows = new Map<
    string,
    { periodStart: string; customerId: number; goodsId: number; reported: number | null; system: number }
  >();
  for (const line of lines) {
    rows.set(`${line.periodStart}@${line.customerId}@${line.goodsId}`, {
      periodStart: line.periodStart,
      customerId: line.customerId,
      goodsId: line.goodsId,
      reported: line.purchases,
      system: 0,
    });
  }
  const goodsNames = new Map(
    lines.map((line) => [line.goodsId, { code: line.goodsCode, name: line.goodsName }]),
  );
  for (const delivery of branchDeliveries(ctx, first.start, last.end, [...customers.keys()])) {
    if (input.goodsIds?.length && !input.goodsIds.includes(delivery.goodsId)) continue;
    const periodStart = periodOf(input.kind, delivery.businessDate).start;
    const key = `${periodStart}@${delivery.customerId}@${delivery.goodsId}`;
    const row = rows.get(key) ?? {
      periodStart,
      customerId: delivery.customerId,
      goodsId: delivery.goodsId,
      reported: null,
      system: 0,
    };
    row.system += delivery.baseQuantity;
    rows.set(key, row);
  }
  const goodsOf = (goodsId: number) => {
    if (!goodsNames.has(goodsId)) {
      goodsNames.set(
        goodsId,
        ctx.db.$client.prepare('SELECT code, name FROM goods WHERE id = ?').get(goodsId) as {
          code: string;
          name: string;
        },
      );
    }
    return goodsNames.get(goodsId)!;
  };
  return {
    kind: input.kind,
    from: first.start,
    to: last.end,
    rows: [...rows.values()]
      .sort(
        (a, b) =>
          a.periodStart.localeCompare(b.periodStart) ||
          customers
            .get(a.customerId)!
            .customerCode.localeCompare(customers.get(b.customerId)!.customerCode) ||
          goodsOf(a.goodsId).code.localeCompare(goodsOf(b.goodsId).code),
      )
      .map((row) => {
        const customer = customers.get(row.customerId)!;
        const difference = (row.reported ?? 0) - row.system;
        return {
          periodStart: row.periodStart,
          periodLabel: periodOf(input.kind, row.periodStart).label,
          officeName: customer.officeName,
          customerCode: customer.customerCode,
          customerName: customer.customerName,
          tierLabel: tierLabel(customer.tier),
          goodsCode: goodsOf(row.goodsId).code,
          goodsName: goodsOf(row.goodsId).name,
          unitName: units.unitOf(row.goodsId).name,
          system: units.text(row.goodsId, row.system),
          reported: row.reported === null ? null : units.text(row.goodsId, row.reported),
          difference: units.text(row.goodsId, difference),
          differencePercent: percentOf(
            units.scaled(row.goodsId, difference),
            units.scaled(row.goodsId, row.system),
          ),
        };
      }),
  };
}

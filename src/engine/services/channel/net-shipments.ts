import type { ReportKind } from '../../../shared/channel/channel-report';
import { periodOf } from '../../domain/channel/report-period';
import type { ServiceContext } from '../context';
import { channelLines, DisplayUnits, netOf, tierLabel, type ChannelLine } from './channel-lines';

export const netShipmentGroupings = ['customer', 'office', 'tier'] as const;
export type NetShipmentGrouping = (typeof netShipmentGroupings)[number];
export const netShipmentGroupingLabels: Readonly<Record<NetShipmentGrouping, string>> = {
  customer: '客户',
  office: '办事处',
  tier: '渠道类型',
};

export interface NetShipmentsInput {
  kind: ReportKind;
  from: string;
  to: string;
  groupBy: NetShipmentGrouping;
  officeId?: number | undefined;
}

interface Figures {
  opening: number;
  purchases: number;
  closing: number;
  inTransit: number;
  net: number;
}

/** One customer × goods over the range: opening of its first period reported, closing of its last. */
function customerFigures(
  lines: readonly ChannelLine[],
): Map<string, { first: ChannelLine; figures: Figures }> {
  const byKey = new Map<string, { first: ChannelLine; figures: Figures }>();
  for (const line of lines) {
    const key = `${line.customerId}@${line.goodsId}`;
    const entry = byKey.get(key);
    if (!entry) {
      byKey.set(key, {
        first: line,
        figures: {
          opening: line.opening,
          purchases: line.purchases,
          closing: line.closing,
          inTransit: line.inTransit,
          net: netOf(line),
        },
      });
    } else {
      // Lines come in period order: the last one read holds the closing and in-transit stock.
      entry.figures.purchases += line.purchases;
      entry.figures.closing = line.closing;
      entry.figures.inTransit = line.inTransit;
      entry.figures.net += netOf(line);
    }
  }
  return byKey;
}

const add = (into: Figures, more: Figures) => {
  into.opening += more.opening;
  into.purchases += more.purchases;
  into.closing += more.closing;
  into.inTransit += more.inTransit;
  into.net += more.net;
};

/**
 * 净出货量 (DOMAIN.md §9): opening + purchases − closing stock as the customers reported them, per customer
 * × goods over a range of weeks or months — each customer with its channel below it (dealer → distributors →
 * secondary wholesalers), its figure and its channel's (含下级) — or totalled by office or tier; and the
 * net shipments of each period by goods, for the chart. In each goods' largest unit.
 */
export function netShipments(ctx: ServiceContext, input: NetShipmentsInput) {
  const units = new DisplayUnits(ctx.db.$client, ctx);
  const fromStart = periodOf(input.kind, input.from).start;
  const toStart = periodOf(input.kind, input.to).start;
  const lines = channelLines(ctx, input.kind, fromStart, toStart, { officeId: input.officeId });
  const perCustomer = customerFigures(lines);

  const seriesByKey = new Map<string, { periodStart: string; goodsId: number; net: number }>();
  for (const line of lines) {
    const key = `${line.periodStart}@${line.goodsId}`;
    const point = seriesByKey.get(key) ?? { periodStart: line.periodStart, goodsId: line.goodsId, net: 0 };
    point.net += netOf(line);
    seriesByKey.set(key, point);
  }
  const goodsNames = new Map(lines.map((line) => [line.goodsId, line.goodsName]));
  const series = [...seriesByKey.values()].map((point) => ({
    periodStart: point.periodStart,
    periodLabel: periodOf(input.kind, point.periodStart).label,
    goodsName: goodsNames.get(point.goodsId)!,
    unitName: units.unitOf(point.goodsId).name,
    net: units.text(point.goodsId, point.net),
  }));

  const shown = (goodsId: number, figures: Figures) => ({
    unitName: units.unitOf(goodsId).name,
    opening: units.text(goodsId, figures.opening),
    purchases: units.text(goodsId, figures.purchases),
    closing: units.text(goodsId, figures.closing),
    inTransit: units.text(goodsId, figures.inTransit),
    net: units.text(goodsId, figures.net),
  });

  if (input.groupBy !== 'customer') {
    const groups = new Map<
      string,
      { name: string; goodsId: number; goodsCode: string; goodsName: string; figures: Figures }
    >();
    for (const { first, figures } of perCustomer.values()) {
      const name = input.groupBy === 'office' ? first.officeName : tierLabel(first.tier);
      const key = `${name}@${first.goodsId}`;
      const group = groups.get(key) ?? {
        name,
        goodsId: first.goodsId,
        goodsCode: first.goodsCode,
        goodsName: first.goodsName,
        figures: { opening: 0, purchases: 0, closing: 0, inTransit: 0, net: 0 },
      };
      add(group.figures, figures);
      groups.set(key, group);
    }
    return {
      ...input,
      groupLabel: netShipmentGroupingLabels[input.groupBy],
      rows: [...groups.values()]
        .sort((a, b) => a.name.localeCompare(b.name, 'zh') || a.goodsCode.localeCompare(b.goodsCode))
        .map((group) => ({
          name: group.name,
          depth: 0,
          tierLabel: '',
          officeName: '',
          goodsCode: group.goodsCode,
          goodsName: group.goodsName,
          ...shown(group.goodsId, group.figures),
          channelNet: units.text(group.goodsId, group.figures.net),
        })),
      series,
    };
  }

  // The channel tree: a customer's channel is itself and every customer below it that reported.
  const customers = new Map<number, ChannelLine>();
  for (const { first } of perCustomer.values()) customers.set(first.customerId, first);
  const children = new Map<number | null, number[]>();
  for (const customer of customers.values()) {
    const parent = customer.parentId !== null && customers.has(customer.parentId) ? customer.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), customer.customerId]);
  }
  const byCode = (a: number, b: number) =>
    customers.get(a)!.customerCode.localeCompare(customers.get(b)!.customerCode);
  const channelNet = (customerId: number, goodsId: number): number =>
    (perCustomer.get(`${customerId}@${goodsId}`)?.figures.net ?? 0) +
    (children.get(customerId) ?? []).reduce((sum, child) => sum + channelNet(child, goodsId), 0);
  const rows: ReturnType<typeof customerRow>[] = [];
  function customerRow(customerId: number, goodsId: number, depth: number) {
    const { first, figures } = perCustomer.get(`${customerId}@${goodsId}`)!;
    return {
      name: `${first.customerCode} ${first.customerName}`,
      depth,
      tierLabel: tierLabel(first.tier),
      officeName: first.officeName,
      goodsCode: first.goodsCode,
      goodsName: first.goodsName,
      ...shown(goodsId, figures),
      channelNet: units.text(goodsId, channelNet(customerId, goodsId)),
    };
  }
  const visit = (customerId: number, depth: number) => {
    for (const { first } of [...perCustomer.values()].filter(
      (entry) => entry.first.customerId === customerId,
    ))
      rows.push(customerRow(customerId, first.goodsId, depth));
    for (const child of (children.get(customerId) ?? []).sort(byCode)) visit(child, depth + 1);
  };
  for (const root of (children.get(null) ?? []).sort(byCode)) visit(root, 0);
  return { ...input, groupLabel: netShipmentGroupingLabels.customer, rows, series };
}

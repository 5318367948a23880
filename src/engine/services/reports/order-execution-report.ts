import { prepared } from '../../db/prepared';
import type { DocumentStatus } from '../../../shared/documents/document-status';
import { LedgerError } from '../../../shared/ledger-error';
import { add, mulDivRound } from '../../../shared/numbers/integer-math';
import { getBranchProfile } from '../branch/branch-profile';
import { counterpartyIdInReach, reachesCounterparty } from '../access/customer-scope';
import type { ServiceContext } from '../context';
import { costFigure } from '../access/cost-figures';
import {
  executionState,
  executionStateLabels,
  orderLineProgress,
  outstanding,
  type OrderLineProgress,
  type OrderType,
} from '../documents/order-execution';
import type { PriceSide } from '../documents/price-history';
import { readParties, type PartyFacts } from './party-lookups';
import { priceSideLabels } from './price-history-report';
import { moneyText, quantityText } from './report-figures';
import { goodsMatching, mixedQuantity, readGoodsFacts, readWarehouses } from './report-lookups';

export interface OrderExecutionInput {
  /** 销售订单 or 采购订单: the same two sides as 价格跟踪. */
  side: PriceSide;
  /**
   * Only what is still to be delivered or received: lines of approved, open orders with something
   * outstanding. Otherwise every line of approved orders, done and force-closed (强制结案) ones too.
   */
  openOnly?: boolean | undefined;
  counterpartyId?: number | undefined;
  /** Goods code, name, spec, brand or their pinyin, as the goods list matches it. */
  search?: string | undefined;
  /** The orders' business dates, both included; open-ended where left out. */
  from?: string | undefined;
  to?: string | undefined;
}

const orderTypeOf: Readonly<Record<PriceSide, OrderType>> = {
  sale: 'sales_order',
  purchase: 'purchase_order',
};

interface OrderHeader {
  id: number;
  type: OrderType;
  number: string;
  business_date: string;
  status: DocumentStatus;
}

/**
 * The orders a clerk follows up: approved (open, or force-closed) — never drafts, orders waiting for
 * approval, or voided ones, which promise nothing (DOMAIN.md §5), nor those of a customer out of the
 * caller's customer scope (customer-scope.ts). Oldest first.
 */
function readOrders(ctx: ServiceContext, type: OrderType, input: OrderExecutionInput): OrderHeader[] {
  return prepared(
    ctx.db.$client,
    'SELECT id, type, number, business_date, status FROM documents ' +
      "WHERE type = ? AND status NOT IN ('draft', 'submitted', 'voided') " +
      "AND (? = 0 OR status = 'awaiting_warehouse') AND (? IS NULL OR counterparty_id = ?) " +
      'AND (? IS NULL OR business_date >= ?) AND (? IS NULL OR business_date <= ?) ' +
      `AND ${counterpartyIdInReach(ctx.actor.customerReach, 'documents.counterparty_id')} ` +
      'ORDER BY business_date, id',
  ).all(
    type,
    input.openOnly === false ? 0 : 1,
    input.counterpartyId ?? null,
    input.counterpartyId ?? null,
    input.from ?? null,
    input.from ?? null,
    input.to ?? null,
    input.to ?? null,
  ) as OrderHeader[];
}

/** The value with tax of what a line still has to deliver or receive: its share of the line's amount. */
function outstandingValue(line: OrderLineProgress): number {
  const left = outstanding(line);
  return left === line.baseQuantity
    ? line.amountWithTax
    : mulDivRound(line.amountWithTax, left, line.baseQuantity);
}

/**
 * 订单执行情况: per order line, what was ordered, what receipts or deliveries made from it took
 * (drafts included, a keeper's smaller confirmed quantity counting: order-execution.ts) and what is
 * still outstanding, with its value — oldest order first, so that what has waited longest is seen
 * first. A force-closed order's rest waits for nothing: its outstanding is left empty.
 */
export function orderExecutionReport(ctx: ServiceContext, input: OrderExecutionInput) {
  if (input.from !== undefined && input.to !== undefined && input.from > input.to) {
    throw new LedgerError('VALIDATION', `开始日期 ${input.from} 晚于结束日期 ${input.to}。`);
  }
  const sqlite = ctx.db.$client;
  const { quantityDecimals } = getBranchProfile(ctx);
  let counterparty: PartyFacts | null = null;
  if (input.counterpartyId !== undefined) {
    counterparty = reachesCounterparty(ctx.db, ctx.actor, input.counterpartyId)
      ? (readParties(sqlite, 'counterparties', [input.counterpartyId]).get(input.counterpartyId) ?? null)
      : null;
    if (!counterparty) throw new LedgerError('NOT_FOUND', `往来单位 ${input.counterpartyId} 不存在。`);
  }
  const openOnly = input.openOnly !== false;
  const type = orderTypeOf[input.side];
  const orders = readOrders(ctx, type, input);

  const linesByOrder = new Map<number, OrderLineProgress[]>(orders.map((order) => [order.id, []]));
  for (const line of orderLineProgress(sqlite, type, {
    ...(input.counterpartyId === undefined ? {} : { counterpartyId: input.counterpartyId }),
    openOnly,
  })) {
    linesByOrder.get(line.documentId)?.push(line);
  }

  const matching = goodsMatching(sqlite, input.search);
  // The order's state is of all its lines, whichever of them the search or openOnly leaves in view.
  const shown = orders.flatMap((order) => {
    const lines = linesByOrder.get(order.id)!;
    const state = executionState(order.status, lines);
    return lines
      .filter((line) => matching === null || matching.has(line.goodsId))
      .filter((line) => !openOnly || outstanding(line) > 0)
      .map((line) => ({ order, state, line }));
  });

  const goods = readGoodsFacts(
    sqlite,
    shown.map(({ line }) => line.goodsId),
  );
  const warehouses = readWarehouses(sqlite);
  const parties = readParties(
    sqlite,
    'counterparties',
    shown.flatMap(({ line }) => (line.counterpartyId === null ? [] : [line.counterpartyId])),
  );
  let outstandingTotal = 0;
  const rows = shown.map(({ order, state, line }) => {
    const facts = goods.get(line.goodsId)!;
    const warehouse = warehouses.get(line.warehouseId);
    const party = line.counterpartyId === null ? undefined : parties.get(line.counterpartyId);
    const closed = order.status === 'closed';
    const left = outstanding(line);
    const leftValue = closed ? null : outstandingValue(line);
    if (leftValue !== null) outstandingTotal = add(outstandingTotal, leftValue);
    return {
      lineId: line.lineId,
      date: order.business_date,
      documentId: order.id,
      documentNumber: order.number,
      documentType: order.type,
      counterpartyId: line.counterpartyId,
      counterpartyCode: party?.code ?? null,
      counterpartyName: party?.name ?? null,
      goodsId: line.goodsId,
      goodsCode: facts.code,
      goodsName: facts.name,
      goodsSpec: facts.spec,
      warehouseId: line.warehouseId,
      warehouseCode: warehouse?.code ?? '',
      warehouseName: warehouse?.name ?? '',
      baseUnit: facts.baseUnit,
      /** In the goods' units, largest first ("3箱5袋"). */
      mixedOrdered: mixedQuantity(facts, line.baseQuantity, quantityDecimals),
      mixedExecuted: mixedQuantity(facts, line.executed, quantityDecimals),
      mixedOutstanding: closed ? null : mixedQuantity(facts, left, quantityDecimals),
      /** In base units, as decimal text: what a spreadsheet sums. */
      ordered: quantityText(line.baseQuantity, quantityDecimals),
      executed: quantityText(line.executed, quantityDecimals),
      outstanding: closed ? null : quantityText(left, quantityDecimals),
      execution: state,
      executionLabel: executionStateLabels[state],
      /** The line's amount with tax in proportion to what is outstanding. */
      outstandingAmount: leftValue === null ? null : moneyText(leftValue),
    };
  });
  // What a purchase order still has to receive is worth its purchase prices.
  const amount = (figure: string | null) =>
    input.side === 'purchase' ? costFigure(ctx.actor, figure) : figure;
  return {
    side: input.side,
    sideLabel: priceSideLabels[input.side],
    openOnly,
    counterparty,
    from: input.from ?? null,
    to: input.to ?? null,
    rows: rows.map((row) => ({ ...row, outstandingAmount: amount(row.outstandingAmount) })),
    totals: { outstandingAmount: amount(moneyText(outstandingTotal)) },
  };
}

export type OrderExecutionReport = ReturnType<typeof orderExecutionReport>;

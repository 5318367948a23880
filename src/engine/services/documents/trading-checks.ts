import type Database from 'better-sqlite3';
import { prepared } from '../../db/prepared';
import { LedgerError } from '../../../shared/ledger-error';
import { formatScaled } from '../../../shared/numbers/decimal';
import { priceScale } from '../../../shared/numbers/scales';
import { yuanDisplay } from '../../../shared/numbers/yuan-display';
import { getBranchProfile } from '../branch/branch-profile';
import { actorMay, type ServiceContext } from '../context';
import { creditPosition } from '../money/credit-position';
import { reservedQuantities } from '../stock/reservations';
import { describeStockPlace, formatShortfall } from '../stock/stock-place';
import { positionKey } from '../reports/stock-position';
import { getAppSettings } from '../settings/app-settings';
import type { DocumentRow } from './document-facts';

const mayApprove = (ctx: ServiceContext) => actorMay(ctx.actor, 'documents.approve');

interface LineFacts {
  line_no: number;
  goods_id: number;
  goods_name: string;
  warehouse_id: number;
  unit_name: string;
  base_quantity: number;
  unit_price: number;
  amount_with_tax: number;
  is_gift: number;
  source_line_id: number | null;
  min_sale_price: number | null;
}

function readLines(sqlite: Database.Database, documentId: number): LineFacts[] {
  return prepared(
    sqlite,
    'SELECT l.line_no, l.goods_id, g.name AS goods_name, l.warehouse_id, l.unit_name, l.base_quantity, l.unit_price, ' +
      'l.amount_with_tax, l.is_gift, l.source_line_id, u.min_sale_price FROM document_lines l ' +
      'JOIN goods g ON g.id = l.goods_id JOIN goods_units u ON u.goods_id = l.goods_id AND u.name = l.unit_name ' +
      'WHERE l.document_id = ? ORDER BY l.line_no',
  ).all(documentId) as LineFacts[];
}

/** A sales order asking for more than is available (on hand − what other open orders reserve). */
function stockWarnings(sqlite: Database.Database, doc: DocumentRow, lines: LineFacts[]): string[] {
  const needed = new Map<string, { goodsId: number; warehouseId: number; quantity: number }>();
  for (const line of lines) {
    const key = positionKey(line.goods_id, line.warehouse_id);
    const entry = needed.get(key) ?? { goodsId: line.goods_id, warehouseId: line.warehouse_id, quantity: 0 };
    entry.quantity += line.base_quantity;
    needed.set(key, entry);
  }
  const reserved = reservedQuantities(sqlite, doc.id);
  const warnings: string[] = [];
  for (const [key, want] of needed) {
    const { onHand } = prepared(
      sqlite,
      'SELECT coalesce(sum(quantity), 0) AS onHand FROM stock_balances WHERE goods_id = ? AND warehouse_id = ? AND in_transit = 0',
    ).get(want.goodsId, want.warehouseId) as { onHand: number };
    const held = reserved.get(key) ?? 0;
    const available = onHand - held;
    if (want.quantity <= available) continue;
    const show = (quantity: number) => formatShortfall(sqlite, want.goodsId, quantity);
    warnings.push(
      `${describeStockPlace(sqlite, want.goodsId, want.warehouseId)}可用库存 ${show(Math.max(available, 0))}` +
        `（现存 ${show(onHand)}，其他订单已预留 ${show(held)}），本单需要 ${show(want.quantity)}，缺 ${show(want.quantity - Math.max(available, 0))}。`,
    );
  }
  return warnings;
}

/**
 * What this document adds to the customer's exposure: a whole sales order; of a delivery, only the lines
 * not made from an order (those are already counted among the open orders until they are confirmed).
 */
function newExposure(doc: DocumentRow, lines: LineFacts[]): number {
  if (doc.type === 'sales_order') return doc.totalWithTax;
  return lines
    .filter((line) => line.source_line_id === null)
    .reduce((sum, line) => sum + line.amount_with_tax, 0);
}

function creditWarning(sqlite: Database.Database, doc: DocumentRow, lines: LineFacts[]): string | null {
  if (doc.counterpartyId === null) return null;
  const position = creditPosition(sqlite, doc.counterpartyId, doc.id);
  if (position.limit === null) return null;
  const added = newExposure(doc, lines);
  const total = position.receivable + position.openOrders + added;
  if (total <= position.limit) return null;
  return (
    `客户【${position.name}】超出信用额度：应收余额 ${yuanDisplay(position.receivable)} + 未出库订单 ${yuanDisplay(position.openOrders)}` +
    ` + 本单 ${yuanDisplay(added)} = ${yuanDisplay(total)}，信用额度 ${yuanDisplay(position.limit)}，超出 ${yuanDisplay(total - position.limit)}。`
  );
}

function belowMinimum(lines: LineFacts[]): string[] {
  return lines
    .filter((line) => !line.is_gift && line.min_sale_price !== null && line.unit_price < line.min_sale_price)
    .map(
      (line) =>
        `第 ${line.line_no} 行【${line.goods_name}】单价 ${formatScaled(line.unit_price, priceScale, 2)} 元/${line.unit_name}` +
        ` 低于最低售价 ${formatScaled(line.min_sale_price!, priceScale, 2)} 元/${line.unit_name}`,
    );
}

/** Whether a sale below the lowest price waits for someone who may approve it (`approve` policy). */
export function needsManagerApproval(ctx: ServiceContext, doc: DocumentRow): boolean {
  if (doc.type !== 'sales_order' && doc.type !== 'sales_delivery') return false;
  if (getAppSettings(ctx).minSalePricePolicy !== 'approve') return false;
  return belowMinimum(readLines(ctx.db.$client, doc.id)).length > 0 && !mayApprove(ctx);
}

/**
 * The limits a sales document is held to when it is submitted and approved (issue 5, DOMAIN.md §7):
 * the lowest sale price, the customer's credit limit (independent accounting only: the receivable is
 * kept here) and, for a sales order, the available stock. Each is refused or warned by setting; warnings
 * come back together as NEEDS_CONFIRMATION until the person acknowledges them.
 */
export function checkSalesLimits(
  ctx: ServiceContext,
  doc: DocumentRow,
  stage: 'submit' | 'approve',
  acknowledged: boolean,
): void {
  if (doc.type !== 'sales_order' && doc.type !== 'sales_delivery') return;
  const sqlite = ctx.db.$client;
  const settings = getAppSettings(ctx);
  const lines = readLines(sqlite, doc.id);
  const warnings: string[] = [];

  const below = belowMinimum(lines);
  if (below.length > 0) {
    if (settings.minSalePricePolicy === 'stop')
      throw new LedgerError('CONFLICT', `${below.join('；')}，不能销售。`, { lines: below });
    if (stage === 'approve' && !mayApprove(ctx))
      throw new LedgerError('FORBIDDEN', `${below.join('；')}，须由有审核权限的人审核。`);
  }

  if (getBranchProfile(ctx).accountingMode === 'independent') {
    const credit = creditWarning(sqlite, doc, lines);
    if (credit !== null) {
      if (settings.creditLimitPolicy === 'stop')
        throw new LedgerError('CONFLICT', credit, { reason: 'credit_limit' });
      warnings.push(credit);
    }
  }
  if (doc.type === 'sales_order') {
    const short = stockWarnings(sqlite, doc, lines);
    if (short.length > 0) {
      if (settings.orderStockPolicy === 'stop')
        throw new LedgerError('CONFLICT', short.join('\n'), { reason: 'stock' });
      warnings.push(...short);
    }
  }
  if (warnings.length > 0 && !acknowledged) {
    throw new LedgerError('NEEDS_CONFIRMATION', `${warnings.join('\n')}\n确认后仍可继续。`, { warnings });
  }
}

import type Database from 'better-sqlite3';
import type { LedgerTx } from '../../db/connection';
import { prepared } from '../../db/prepared';
import { newUid } from '../../db/uid';
import type { MoneySide } from '../../../shared/documents/document-types';
import { LedgerError } from '../../../shared/ledger-error';
import { yuanDisplay } from '../../../shared/numbers/yuan-display';
import { recordChange } from '../change-log/record-change';
import {
  assertReachesCounterparty,
  counterpartyIdInReach,
  reachesCounterparty,
} from '../access/customer-scope';
import type { ServiceContext } from '../context';
import { applySettlement, moveSettled } from './open-items';
import { assertIndependent } from './independent-accounting';

interface ItemRow {
  id: number;
  counterparty_id: number;
  side: MoneySide;
  business_date: string;
  due_date: string;
  amount: number;
  settled: number;
}

/** An item and how much of it to settle: all that is open when `amount` (fen) is left out. */
export interface ItemChoice {
  itemId: number;
  amount?: number | undefined;
}

function readItem(sqlite: Database.Database, id: number): ItemRow {
  const row = prepared(
    sqlite,
    'SELECT id, counterparty_id, side, business_date, due_date, amount, settled FROM open_items WHERE id = ?',
  ).get(id) as ItemRow | undefined;
  if (!row) throw new LedgerError('NOT_FOUND', `往来项 ${id} 不存在。`);
  return row;
}

interface Portion {
  item: ItemRow;
  /** Fen still to settle of this item in this action, positive. */
  left: number;
}

/**
 * Matches what raises a balance (deliveries, receipts of goods) with what lowers it (money, returns),
 * in the order given, each up to its chosen amount, until one side runs out (DOMAIN.md §7 核销). Returns
 * the fen settled. The caller holds the transaction.
 */
function match(
  sqlite: Database.Database,
  ctx: ServiceContext,
  debits: Portion[],
  credits: Portion[],
  batchUid: string,
): number {
  let total = 0;
  let d = 0;
  let c = 0;
  while (d < debits.length && c < credits.length) {
    const debit = debits[d]!;
    const credit = credits[c]!;
    const amount = Math.min(debit.left, credit.left);
    if (amount > 0) {
      applySettlement(sqlite, {
        batchUid,
        counterpartyId: debit.item.counterparty_id,
        side: debit.item.side,
        debitItemId: debit.item.id,
        creditItemId: credit.item.id,
        amount,
        settledOn:
          debit.item.business_date > credit.item.business_date
            ? debit.item.business_date
            : credit.item.business_date,
        createdAt: ctx.clock.now().toISOString(),
        createdByName: ctx.actor.displayName,
      });
      debit.left -= amount;
      credit.left -= amount;
      total += amount;
    }
    if (debit.left === 0) d += 1;
    if (credit.left === 0) c += 1;
  }
  return total;
}

function portions(sqlite: Database.Database, choices: readonly ItemChoice[], sign: 1 | -1): Portion[] {
  return choices.map((choice) => {
    const item = readItem(sqlite, choice.itemId);
    const open = Math.abs(item.amount - item.settled);
    if (Math.sign(item.amount) !== sign) {
      throw new LedgerError(
        'VALIDATION',
        sign > 0 ? '所选的应收/应付项不是增加余额的单据。' : '所选的收付款项不是减少余额的单据。',
      );
    }
    if (open === 0) throw new LedgerError('CONFLICT', '所选的往来项已全部核销（可能刚被别人核销）。');
    const wanted = choice.amount ?? open;
    if (wanted <= 0 || wanted > open) {
      throw new LedgerError('VALIDATION', `核销金额应在 ¥0.01 到 ${yuanDisplay(open)} 之间。`);
    }
    return { item, left: wanted };
  });
}

function recordSettlementChange(
  ctx: ServiceContext,
  tx: LedgerTx,
  batchUid: string,
  operation: 'insert' | 'delete',
): void {
  recordChange(tx, ctx, { entity: 'settlement', entityUid: batchUid, operation, payload: { batchUid } });
}

/**
 * 手工核销: the person picks what to settle against what — whole documents (all their lines), single goods
 * lines, or parts of them. Everything must belong to one counterparty and one side.
 */
export function settleByHand(
  ctx: ServiceContext,
  input: { debits: ItemChoice[]; credits: ItemChoice[] },
): { batchUid: string; settled: number } {
  assertIndependent(ctx);
  const sqlite = ctx.db.$client;
  return ctx.db.transaction((tx) => {
    const debits = portions(sqlite, input.debits, 1);
    const credits = portions(sqlite, input.credits, -1);
    const all = [...debits, ...credits];
    const first = all[0]?.item;
    if (!first || debits.length === 0 || credits.length === 0)
      throw new LedgerError('VALIDATION', '请同时选择应收/应付单据和收付款（或退货）单据。');
    if (all.some(({ item }) => item.counterparty_id !== first.counterparty_id || item.side !== first.side))
      throw new LedgerError('VALIDATION', '一次核销只能针对同一个往来单位的同一类往来。');
    // Items of a customer out of the caller's scope do not exist for them (customer-scope.ts).
    if (!reachesCounterparty(tx, ctx.actor, first.counterparty_id))
      throw new LedgerError('NOT_FOUND', `往来项 ${first.id} 不存在。`);
    const batchUid = newUid();
    const settled = match(sqlite, ctx, debits, credits, batchUid);
    recordSettlementChange(ctx, tx, batchUid, 'insert');
    return { batchUid, settled };
  });
}

/**
 * 自动核销: for each counterparty, money and returns settle what falls due first (oldest due date, then
 * oldest document), the oldest money first. What money is left over stays open as a prepayment.
 */
export function settleAutomatically(
  ctx: ServiceContext,
  input: { side: MoneySide; counterpartyId?: number | undefined },
): { batchUid: string | null; settled: number } {
  assertIndependent(ctx);
  const sqlite = ctx.db.$client;
  if (input.counterpartyId !== undefined) assertReachesCounterparty(ctx.db, ctx.actor, input.counterpartyId);
  return ctx.db.transaction((tx) => {
    const open = prepared(
      sqlite,
      'SELECT id, counterparty_id, side, business_date, due_date, amount, settled FROM open_items ' +
        'WHERE side = ? AND (? IS NULL OR counterparty_id = ?) AND settled <> amount ' +
        `AND ${counterpartyIdInReach(ctx.actor.customerReach, 'counterparty_id')} ` +
        'ORDER BY counterparty_id, due_date, business_date, id',
    ).all(input.side, input.counterpartyId ?? null, input.counterpartyId ?? null) as ItemRow[];
    const batchUid = newUid();
    let settled = 0;
    const byCounterparty = new Map<number, ItemRow[]>();
    for (const item of open) {
      const items = byCounterparty.get(item.counterparty_id);
      if (items) items.push(item);
      else byCounterparty.set(item.counterparty_id, [item]);
    }
    for (const items of byCounterparty.values()) {
      const debits = items
        .filter((item) => item.amount > 0)
        .map((item) => ({ item, left: item.amount - item.settled }));
      const credits = items
        .filter((item) => item.amount < 0)
        .sort((a, b) => a.business_date.localeCompare(b.business_date) || a.id - b.id)
        .map((item) => ({ item, left: item.settled - item.amount }));
      settled += match(sqlite, ctx, debits, credits, batchUid);
    }
    if (settled === 0) return { batchUid: null, settled };
    recordSettlementChange(ctx, tx, batchUid, 'insert');
    return { batchUid, settled };
  });
}

/** 反核销: undoes one settling action as a whole; the rows stay, marked with who reversed them and when. */
export function reverseSettlement(ctx: ServiceContext, batchUid: string): { reversed: number } {
  assertIndependent(ctx);
  const sqlite = ctx.db.$client;
  return ctx.db.transaction((tx) => {
    const rows = prepared(
      sqlite,
      'SELECT id, debit_item_id, credit_item_id, amount FROM settlements WHERE batch_uid = ? AND reversed_at IS NULL ' +
        `AND ${counterpartyIdInReach(ctx.actor.customerReach, 'counterparty_id')}`,
    ).all(batchUid) as { id: number; debit_item_id: number; credit_item_id: number; amount: number }[];
    if (rows.length === 0) throw new LedgerError('CONFLICT', '该核销记录不存在或已被反核销。');
    const now = ctx.clock.now().toISOString();
    for (const row of rows) {
      moveSettled(sqlite, row.debit_item_id, row.credit_item_id, -row.amount);
      prepared(sqlite, 'UPDATE settlements SET reversed_at = ?, reversed_by_name = ? WHERE id = ?').run(
        now,
        ctx.actor.displayName,
        row.id,
      );
    }
    recordSettlementChange(ctx, tx, batchUid, 'delete');
    return { reversed: rows.length };
  });
}

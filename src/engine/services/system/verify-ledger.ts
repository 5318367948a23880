import type Database from 'better-sqlite3';
import { readOnly } from '../../db/connection';
import { firstChainBreak, type ChainBreak } from '../../db/hash-chain';
import { prepared } from '../../db/prepared';
import { methodFor, type CostingMethod } from '../../domain/costing/costing-method';
import { yuanDisplay } from '../../../shared/numbers/yuan-display';
import { auditChain } from '../audit/record-audit';
import type { ServiceContext } from '../context';
import { perpetualMethodName } from '../stock/recost';
import { describeScope, formatShortfall } from '../stock/stock-place';

/**
 * 校验账簿: whether the history in the file is what the app wrote. The audit log and the stock ledger are
 * walked along their hash chains (db/hash-chain.ts), which name the first row changed, removed or put in
 * by another program; and the stock books are added up: every balance is the sum of its movements, in
 * quantity and value, and every scope's costing state holds what its movements sum to (DOMAIN.md §6.1).
 * A movement rewritten together with its balance breaks the chain and the costing state; a balance
 * changed alone breaks the sum. Read in one transaction, so the three agree on one state of the file.
 */

export interface BrokenAuditRow {
  id: number;
  at: string;
  action: string;
  /** Why, for a person. */
  reason: string;
}

export interface AuditVerification {
  rows: number;
  ok: boolean;
  firstBroken?: BrokenAuditRow;
}

export type StockProblemKind = 'balance' | 'costingState';

export interface StockProblem {
  /** A balance unlike its movements, a costing state unlike its scope's. */
  kind: StockProblemKind;
  /** What and where, for a person. */
  message: string;
}

export interface StockVerification {
  movements: number;
  balances: number;
  ok: boolean;
  problems: StockProblem[];
}

export interface LedgerVerification {
  ok: boolean;
  audit: AuditVerification;
  stock: StockVerification;
}

export function verifyLedger(ctx: ServiceContext): LedgerVerification {
  return ctx.db.transaction(() => {
    const sqlite = ctx.db.$client;
    const audit = verifyAudit(sqlite);
    const stock = verifyStock(sqlite);
    return { ok: audit.ok && stock.ok, audit, stock };
  }, readOnly);
}

function count(sqlite: Database.Database, table: string): number {
  return (sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}

/** Why a row breaks its chain, said of "this row" (这一条). */
function breakReason(broken: ChainBreak): string {
  switch (broken.kind) {
    case 'changed':
      return '内容与它的哈希不符，这一条被改动过。';
    case 'unhashed':
      return '没有哈希，这一条不是本程序写入的，或被其他程序改写过。';
    case 'missing':
      return broken.from === broken.to
        ? `它前面的第 ${broken.from} 条已被删除。`
        : `它前面的第 ${broken.from}–${broken.to} 条已被删除。`;
    case 'rewritten':
      return `第 ${broken.nextId} 条记下的上一条哈希与这一条的不符，这一条被改写过，并重新算了哈希。`;
  }
}

function verifyAudit(sqlite: Database.Database): AuditVerification {
  const rows = count(sqlite, 'audit_log');
  const broken = firstChainBreak(sqlite, auditChain);
  if (broken === null) return { rows, ok: true };
  const row = sqlite.prepare('SELECT at, action FROM audit_log WHERE id = ?').get(broken.id) as {
    at: string;
    action: string;
  };
  return { rows, ok: false, firstBroken: { id: broken.id, ...row, reason: breakReason(broken) } };
}

function verifyStock(sqlite: Database.Database): StockVerification {
  const problems: StockProblem[] = [
    ...balancesUnlikeMovements(sqlite),
    ...costingStatesUnlikeMovements(sqlite),
  ];
  return {
    movements: count(sqlite, 'stock_movements'),
    balances: count(sqlite, 'stock_balances'),
    ok: problems.length === 0,
    problems,
  };
}

/** Where a balance is kept, as the stock ledger's SQL names it. */
interface Place {
  goods_id: number;
  warehouse_id: number;
  lot: string;
  in_transit: number;
}

/** A place in words, also when the goods or warehouse it names is no longer there. */
function describePlace(sqlite: Database.Database, place: Place): string {
  const goods = prepared(sqlite, 'SELECT name, spec FROM goods WHERE id = ?').get(place.goods_id) as
    { name: string; spec: string } | undefined;
  const warehouse = prepared(sqlite, 'SELECT name FROM warehouses WHERE id = ?').get(place.warehouse_id) as
    { name: string } | undefined;
  const goodsName = goods ? (goods.spec ? `${goods.name} ${goods.spec}` : goods.name) : `#${place.goods_id}`;
  return (
    `商品【${goodsName}】在【${warehouse?.name ?? `#${place.warehouse_id}`}】` +
    `${place.lot ? `批次【${place.lot}】` : ''}${place.in_transit ? '（在途）' : ''}`
  );
}

/** A quantity in the goods' units ("5箱3袋"), or as stored when the goods' units cannot say it. */
function describeQuantity(sqlite: Database.Database, goodsId: number, quantity: number): string {
  try {
    return `${quantity < 0 ? '-' : ''}${formatShortfall(sqlite, goodsId, Math.abs(quantity))}`;
  } catch {
    return String(quantity);
  }
}

interface Figures {
  quantity: number;
  value: number;
}

const figures = (sqlite: Database.Database, goodsId: number, { quantity, value }: Figures) =>
  `${describeQuantity(sqlite, goodsId, quantity)} ${yuanDisplay(value)}`;

/** Every balance equals the sum of its movements (§6.1); a place with movements and no balance is one too. */
function balancesUnlikeMovements(sqlite: Database.Database): StockProblem[] {
  const key = (place: Place) => `${place.goods_id}/${place.warehouse_id}/${place.lot}/${place.in_transit}`;
  const sums = new Map(
    (
      sqlite
        .prepare(
          'SELECT goods_id, warehouse_id, lot, in_transit, sum(quantity) AS quantity, sum(value) AS value ' +
            'FROM stock_movements GROUP BY goods_id, warehouse_id, lot, in_transit',
        )
        .all() as (Place & Figures)[]
    ).map((sum) => [key(sum), sum]),
  );
  const problems: StockProblem[] = [];
  const report = (place: Place, balance: Figures, sum: Figures) => {
    if (balance.quantity === sum.quantity && balance.value === sum.value) return;
    problems.push({
      kind: 'balance',
      message:
        `${describePlace(sqlite, place)}的库存余额为 ${figures(sqlite, place.goods_id, balance)}，` +
        `而库存流水合计为 ${figures(sqlite, place.goods_id, sum)}。`,
    });
  };
  const none = { quantity: 0, value: 0 };
  const balances = sqlite
    .prepare(
      'SELECT goods_id, warehouse_id, lot, in_transit, quantity, value FROM stock_balances ' +
        'ORDER BY goods_id, warehouse_id, lot, in_transit',
    )
    .all() as (Place & Figures)[];
  for (const balance of balances) {
    report(balance, balance, sums.get(key(balance)) ?? none);
    sums.delete(key(balance));
  }
  for (const sum of sums.values()) report(sum, none, sum);
  return problems;
}

/** A costing scope in words, also when the goods or warehouse its key names is no longer there. */
function scopeName(sqlite: Database.Database, scope: string): string {
  try {
    return describeScope(sqlite, scope);
  } catch {
    return `成本范围【${scope}】`;
  }
}

/**
 * Each scope's costing state, kept after its latest movement so that a posting costs one movement (§6.2),
 * holds the scope's quantity and value: the sum of the scope's movements.
 */
function costingStatesUnlikeMovements(sqlite: Database.Database): StockProblem[] {
  const sums = new Map(
    (
      sqlite
        .prepare(
          'SELECT scope, min(goods_id) AS goods_id, sum(quantity) AS quantity, sum(value) AS value ' +
            'FROM stock_movements WHERE scope IS NOT NULL GROUP BY scope',
        )
        .all() as ({ scope: string; goods_id: number } & Figures)[]
    ).map((sum) => [sum.scope, sum]),
  );
  const states = sqlite.prepare('SELECT scope, method, state FROM costing_states ORDER BY scope').all() as {
    scope: string;
    method: string;
    state: string;
  }[];
  const problems: StockProblem[] = [];
  const problem = (scope: string, what: string) =>
    problems.push({ kind: 'costingState', message: `${scopeName(sqlite, scope)}的成本状态${what}` });
  for (const { scope, method, state } of states) {
    const sum = sums.get(scope);
    sums.delete(scope);
    let held: Figures;
    try {
      const costing: CostingMethod<unknown> = methodFor(perpetualMethodName(method));
      held = costing.balance(JSON.parse(state) as unknown);
    } catch {
      problem(scope, '无法读取（计价方法或内容已损坏）。');
      continue;
    }
    const moved = sum ?? { quantity: 0, value: 0 };
    if (held.quantity === moved.quantity && held.value === moved.value) continue;
    const goodsId = sum?.goods_id ?? Number(/^g:(\d+)/.exec(scope)?.[1] ?? 0);
    problem(
      scope,
      `为 ${figures(sqlite, goodsId, held)}，而它的库存流水合计为 ${figures(sqlite, goodsId, moved)}。`,
    );
  }
  for (const sum of sums.values()) problem(sum.scope, '缺失，而它有库存流水。');
  return problems;
}

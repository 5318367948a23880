import type Database from 'better-sqlite3';
import { prepared } from '../../db/prepared';
import {
  accrue,
  earnedRebate,
  nextThreshold,
  type RebateBasis,
  type ShipmentLine,
} from '../../domain/contracts/rebate';
import type { ContractKind } from '../../../shared/contracts/contract-status';
import type { RebateTerm } from '../../../shared/contracts/rebate-terms';
import { add } from '../../../shared/numbers/integer-math';
import { contractShipments, inCategory, UnitConverter, type Shipment } from './contract-shipments';
import { distinctTargets, readContractLines, type ContractLineRow } from './contract-targets';

/**
 * What a contract's rebate terms have earned through a date, term by term and shipment by shipment
 * (domain/contracts/rebate.ts does the arithmetic). Execution shows it; a settlement pays the part not yet
 * paid and keeps the per-shipment figures as its trace.
 */

export interface ContractForRebate {
  id: number;
  kind: ContractKind;
  counterpartyId: number;
  periodStart: string;
  periodEnd: string;
  rebateTerms: RebateTerm[];
}

export type ConditionState = 'met' | 'pending' | 'failed';

export interface TermOutcome {
  index: number;
  term: RebateTerm;
  /** Net volume in the term's unit × 10^qd, and fen with tax. */
  quantity: number;
  amount: number;
  /** What the volume earns, conditions aside. */
  earnedBeforeConditions: number;
  /** What it earns now: nothing while a condition is pending or failed. */
  earned: number;
  condition: { state: ConditionState; text: string };
  lastYearQuantity: number | null;
  next: { threshold: number; gap: number; rateBp: number } | null;
  /** Shipments sold below the agreed price, left out under the 限价 condition. */
  belowPrice: number;
}

export interface RebateOutcome {
  terms: TermOutcome[];
  earned: number;
  /** Per shipment line: what it earned over every term whose conditions are met. */
  accruals: Map<number, number>;
  shipments: Shipment[];
  lines: ContractLineRow[];
}

/** The same calendar day a year earlier; 02-29 has none and becomes 02-28. */
function sameDayLastYear(date: string): string {
  const shifted = `${Number(date.slice(0, 4)) - 1}${date.slice(4)}`;
  return shifted.endsWith('-02-29') ? `${shifted.slice(0, 8)}28` : shifted;
}

/** Whether a shipment is inside a term's scope: its goods, its category (and below), or the whole contract. */
type ScopeTest = (shipment: Shipment) => boolean;

function scopeTest(sqlite: Database.Database, term: RebateTerm): ScopeTest {
  const { goodsId, categoryId } = term.scope;
  if (goodsId !== null) return (shipment) => shipment.goodsId === goodsId;
  if (categoryId !== null) {
    const row = prepared(sqlite, 'SELECT path FROM goods_categories WHERE id = ?').get(categoryId) as
      { path: string } | undefined;
    return (shipment) => row !== undefined && inCategory(shipment.categoryPath, row.path);
  }
  return () => true;
}

/** The price a shipment line was sold at, against the agreed price of its contract line (both with tax). */
function belowAgreedPrice(
  shipment: Shipment,
  unitQuantity: number,
  target: ContractLineRow | undefined,
  quantityScale: number,
): boolean {
  if (!target || target.agreedPrice === null || unitQuantity === 0) return false;
  // amount (fen) × 10^4 is micro-yuan; per unit: × 10^qd ÷ quantity. Compared in BigInt: no rounding.
  const paid = BigInt(Math.abs(shipment.amount)) * 10_000n * BigInt(quantityScale);
  const agreed = BigInt(target.agreedPrice) * BigInt(Math.abs(unitQuantity));
  return paid < agreed;
}

/**
 * 回款条件: whether what the term's deliveries raised was paid (核销) by `paidBy`. Read on `on`: unpaid
 * before the date is pending, unpaid after it has failed. Without receivables kept (非独立核算), head office
 * checks payment and the condition counts as met here.
 */
function paymentCondition(
  sqlite: Database.Database,
  shipments: readonly Shipment[],
  paidBy: string,
  on: string,
): { state: ConditionState; text: string } {
  const lineIds = shipments.filter((s) => s.amount > 0).map((s) => s.documentLineId);
  if (lineIds.length === 0) return { state: 'met', text: `${paidBy} 前回款：无应收` };
  const kept = prepared(sqlite, 'SELECT accounting_mode FROM branch_profile').get() as {
    accounting_mode: string;
  };
  if (kept.accounting_mode !== 'independent')
    return { state: 'met', text: '回款条件由总部核对（非独立核算）' };
  let unpaid = 0;
  const statement = prepared(
    sqlite,
    'SELECT oi.amount - coalesce((SELECT sum(s.amount) FROM settlements s WHERE s.debit_item_id = oi.id ' +
      'AND s.reversed_at IS NULL AND s.settled_on <= ?), 0) AS open FROM open_items oi WHERE oi.line_id = ? AND oi.amount > 0',
  );
  for (const id of lineIds) {
    for (const row of statement.all(paidBy, id) as { open: number }[])
      unpaid = add(unpaid, Math.max(row.open, 0));
  }
  if (unpaid === 0) return { state: 'met', text: `已于 ${paidBy} 前回款` };
  const yuan = (unpaid / 100).toFixed(2);
  return on > paidBy
    ? { state: 'failed', text: `未在 ${paidBy} 前回清，尚欠 ${yuan} 元` }
    : { state: 'pending', text: `待 ${paidBy} 前回款，尚欠 ${yuan} 元` };
}

/** The rebate a contract has earned on its shipments through `through`, conditions read on `on`. */
export function contractRebates(
  sqlite: Database.Database,
  contract: ContractForRebate,
  through: string,
  on: string,
  quantityScale: number,
): RebateOutcome {
  const lines = readContractLines(sqlite, contract.id);
  const targets = distinctTargets(lines);
  const shipments = contractShipments(sqlite, contract, targets, contract.periodStart, through);
  const units = new UnitConverter(sqlite);
  const targetById = new Map(targets.map((target) => [target.id, target]));
  const accruals = new Map<number, number>();
  const terms = contract.rebateTerms.map((term, index): TermOutcome => {
    const inScope = scopeTest(sqlite, term);
    const inTerm = shipments.filter(inScope);
    const volume: ShipmentLine[] = inTerm.map((shipment) => {
      const quantity = units.toUnit(shipment.goodsId, term.unitName, shipment.baseQuantity);
      const target = targetById.get(shipment.targetId);
      const targetQuantity = target
        ? units.toUnit(shipment.goodsId, target.unitName, shipment.baseQuantity)
        : 0;
      const counts =
        !term.conditions.keepAgreedPrice ||
        !belowAgreedPrice(shipment, targetQuantity, target, quantityScale);
      return { id: shipment.documentLineId, quantity, amount: shipment.amount, counts };
    });
    const lastYearQuantity =
      term.kind === 'growth' ? lastYear(sqlite, contract, { term, inScope }, targets, through, units) : null;
    const basis: RebateBasis = { quantityScale, lastYearQuantity };
    const counted = volume.filter((line) => line.counts);
    const totals = {
      quantity: counted.reduce((sum, line) => add(sum, line.quantity), 0),
      amount: counted.reduce((sum, line) => add(sum, line.amount), 0),
    };
    const earnedBeforeConditions = earnedRebate(term, totals, basis);
    const condition =
      term.conditions.paidBy !== null
        ? paymentCondition(sqlite, inTerm, term.conditions.paidBy, on)
        : { state: 'met' as const, text: '' };
    if (condition.state === 'met') {
      for (const { id, rebate } of accrue(term, volume, basis))
        accruals.set(id, add(accruals.get(id) ?? 0, rebate));
    }
    return {
      index,
      term,
      ...totals,
      earnedBeforeConditions,
      earned: condition.state === 'met' ? earnedBeforeConditions : 0,
      condition,
      lastYearQuantity,
      next: nextThreshold(term, totals.quantity, basis),
      belowPrice: volume.length - counted.length,
    };
  });
  return {
    terms,
    earned: terms.reduce((sum, term) => add(sum, term.earned), 0),
    accruals,
    shipments,
    lines,
  };
}

/** The same window a year earlier: what a growth term measures against. */
function lastYear(
  sqlite: Database.Database,
  contract: ContractForRebate,
  { term, inScope }: { term: RebateTerm; inScope: ScopeTest },
  targets: readonly ContractLineRow[],
  through: string,
  units: UnitConverter,
): number {
  const earlier = contractShipments(
    sqlite,
    contract,
    targets,
    sameDayLastYear(contract.periodStart),
    sameDayLastYear(through),
  );
  return earlier
    .filter(inScope)
    .reduce(
      (sum, shipment) => add(sum, units.toUnit(shipment.goodsId, term.unitName, shipment.baseQuantity)),
      0,
    );
}

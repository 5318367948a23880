import type Database from 'better-sqlite3';
import { prepared } from '../../db/prepared';
import { daysBetween, monthEnd, nextMonth } from '../../domain/calendar/calendar';
import { formatScaled } from '../../../shared/numbers/decimal';
import { add, mulDivRound } from '../../../shared/numbers/integer-math';
import { costFigures } from '../access/cost-figures';
import type { ServiceContext } from '../context';
import { getBranchProfile } from '../branch/branch-profile';
import { contractRebates, type TermOutcome } from './contract-rebates';
import { UnitConverter } from './contract-shipments';
import { distinctTargets, targetKey, type ContractLineRow } from './contract-targets';
import { findContractInReach, type ContractRow } from './save-contract';

/**
 * 合同执行 (issue 14 "Execution and rewards"): per goods or category and month, what was signed and what was
 * shipped (net, from the branch's own books), completion against the signed volume and against the target
 * pro-rated to date, a year-end forecast at the pace so far, the gap to each term's next tier, and the
 * rebate earned so far — accrued shipment by shipment, less what settlements have paid.
 */

export interface ExecutionMonth {
  month: string;
  signed: number;
  actual: number;
}

export interface ExecutionLine {
  lineId: number;
  label: string;
  unitName: string;
  signed: number;
  actual: number;
  proRated: number;
  forecast: number;
  completion: string | null;
  completionToDate: string | null;
  months: ExecutionMonth[];
}

/** a ÷ b as 12.34%; none when nothing was signed. */
export function percentText(part: number, whole: number): string | null {
  if (whole <= 0) return null;
  return `${formatScaled(mulDivRound(part, 10_000, whole), 2, 2)}%`;
}

/** The months of [start, end] as yyyy-MM. */
export function monthsOf(start: string, end: string): string[] {
  const months: string[] = [];
  for (let month = start.slice(0, 7); month <= end.slice(0, 7); month = nextMonth(month)) months.push(month);
  return months;
}

/** Days of [from, to] (inclusive) within the month, never negative. */
function overlapDays(month: string, from: string, to: string): number {
  const first = `${month}-01` > from ? `${month}-01` : from;
  const last = monthEnd(month) < to ? monthEnd(month) : to;
  return Math.max(daysBetween(first, last) + 1, 0);
}

/**
 * A target's signed volume per month: as signed when the lines are by month; spread by days over the period
 * otherwise, the last month taking what rounding left, so the months add up to the total.
 */
function signedByMonth(
  lines: readonly ContractLineRow[],
  months: readonly string[],
  period: { start: string; end: string },
): Map<string, number> {
  const byMonth = new Map(months.map((month) => [month, 0]));
  const totalDays = daysBetween(period.start, period.end) + 1;
  for (const line of lines) {
    if (line.month !== null) {
      byMonth.set(line.month, add(byMonth.get(line.month) ?? 0, line.quantity));
      continue;
    }
    let given = 0;
    months.forEach((month, index) => {
      const share =
        index === months.length - 1
          ? line.quantity - given
          : mulDivRound(line.quantity, overlapDays(month, period.start, period.end), totalDays);
      given += share;
      byMonth.set(month, add(byMonth.get(month)!, share));
    });
  }
  return byMonth;
}

export interface ContractExecution {
  asOf: string;
  elapsedDays: number;
  totalDays: number;
  lines: ExecutionLine[];
  terms: TermOutcome[];
  earned: number;
  paid: number;
  unpaid: number;
  shipments: number;
}

/** What the contract's settlements in force have paid so far. */
export function paidSoFar(sqlite: Database.Database, contractId: number): number {
  const row = prepared(
    sqlite,
    'SELECT coalesce(sum(amount), 0) AS paid FROM contract_settlements WHERE contract_id = ? AND reversed = 0',
  ).get(contractId) as { paid: number };
  return row.paid;
}

export function executionOf(
  ctx: ServiceContext,
  contract: ContractRow,
  asOfInput?: string,
): ContractExecution {
  const sqlite = ctx.db.$client;
  const scale = 10 ** getBranchProfile(ctx).quantityDecimals;
  const today = asOfInput ?? ctx.clock.today();
  const asOf = today > contract.periodEnd ? contract.periodEnd : today;
  const totalDays = daysBetween(contract.periodStart, contract.periodEnd) + 1;
  const elapsedDays = Math.min(Math.max(daysBetween(contract.periodStart, asOf) + 1, 0), totalDays);
  const outcome = contractRebates(sqlite, contract, asOf, today, scale);
  const months = monthsOf(contract.periodStart, contract.periodEnd);
  const units = new UnitConverter(sqlite);
  const period = { start: contract.periodStart, end: contract.periodEnd };

  const lines = distinctTargets(outcome.lines).map((target): ExecutionLine => {
    const ofTarget = outcome.lines.filter((line) => targetKey(line) === targetKey(target));
    const signed = signedByMonth(ofTarget, months, period);
    const actual = new Map(months.map((month) => [month, 0]));
    for (const shipment of outcome.shipments) {
      if (shipment.targetId !== target.id) continue;
      const month = shipment.businessDate.slice(0, 7);
      actual.set(
        month,
        add(actual.get(month) ?? 0, units.toUnit(shipment.goodsId, target.unitName, shipment.baseQuantity)),
      );
    }
    const signedTotal = [...signed.values()].reduce(add, 0);
    const actualTotal = [...actual.values()].reduce(add, 0);
    // The target to date: each month's signed volume for the part of it that has passed.
    const proRated = months.reduce((sum, month) => {
      const inMonth = overlapDays(month, contract.periodStart, contract.periodEnd);
      const passed = overlapDays(month, contract.periodStart, asOf);
      return add(sum, inMonth === 0 ? 0 : mulDivRound(signed.get(month)!, passed, inMonth));
    }, 0);
    return {
      lineId: target.id,
      label: target.label,
      unitName: target.unitName,
      signed: signedTotal,
      actual: actualTotal,
      proRated,
      forecast: elapsedDays === 0 ? 0 : mulDivRound(actualTotal, totalDays, elapsedDays),
      completion: percentText(actualTotal, signedTotal),
      completionToDate: percentText(actualTotal, proRated),
      months: months.map((month) => ({ month, signed: signed.get(month)!, actual: actual.get(month)! })),
    };
  });
  const paid = paidSoFar(sqlite, contract.id);
  return {
    asOf,
    elapsedDays,
    totalDays,
    lines,
    terms: outcome.terms,
    earned: outcome.earned,
    paid,
    unpaid: outcome.earned - paid,
    shipments: outcome.shipments.length,
  };
}

/** As `executionOf`; a purchase contract's amounts are what stock cost, hidden without cost.view. */
export function contractExecution(ctx: ServiceContext, id: number, asOf?: string) {
  const contract = findContractInReach(ctx.db, ctx.actor, id);
  const execution = executionOf(ctx, contract, asOf);
  if (contract.kind === 'sales') return execution;
  return { ...execution, terms: execution.terms.map((term) => costFigures(ctx.actor, term, ['amount'])) };
}

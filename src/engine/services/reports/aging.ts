import { prepared } from '../../db/prepared';
import type { MoneySide } from '../../../shared/documents/document-types';
import { counterpartyInReach } from '../access/customer-scope';
import type { ServiceContext } from '../context';
import { assertIndependent } from '../money/independent-accounting';
import { byCodeUnassignedLast, readParties, unassignedName, type PartyTable } from './party-lookups';
import { daysBetween } from '../../domain/calendar/calendar';
import { moneyText } from './report-figures';
import { moneySideLabels } from './statement';

/** What the aging rows are: one per counterparty, per the counterparty's salesperson, or per its office. */
export const agingGroupings = ['counterparty', 'salesperson', 'office'] as const;
export type AgingGrouping = (typeof agingGroupings)[number];
export const agingGroupingLabels: Readonly<Record<AgingGrouping, string>> = {
  counterparty: '往来单位',
  salesperson: '业务员',
  office: '办事处',
};

export interface AgingInput {
  side: MoneySide;
  /** The day aging is counted at; today when omitted. */
  asOf?: string | undefined;
  groupBy: AgingGrouping;
}

/** The past-due buckets of DOMAIN.md §7, and 未到期 before them. */
export type AgingBucket = 'notDue' | 'days0To30' | 'days31To60' | 'days61To90' | 'over90';

/**
 * Where an open item that raises the balance falls: not yet due while its due date is after the day
 * counted at; on the due date itself it is 0 days past due, so the first bucket is 0–30 inclusive.
 */
export function agingBucket(dueDate: string, asOf: string): AgingBucket {
  const pastDue = daysBetween(dueDate, asOf);
  if (pastDue < 0) return 'notDue';
  if (pastDue <= 30) return 'days0To30';
  if (pastDue <= 60) return 'days31To60';
  if (pastDue <= 90) return 'days61To90';
  return 'over90';
}

interface OpenItem {
  counterpartyId: number;
  dueDate: string;
  open: number;
  salespersonId: number | null;
  officeId: number | null;
}

type Figures = Record<AgingBucket | 'prepayment' | 'balance', number>;

const zero = (): Figures => ({
  balance: 0,
  notDue: 0,
  days0To30: 0,
  days31To60: 0,
  days61To90: 0,
  over90: 0,
  prepayment: 0,
});

const groupTables: Readonly<Record<AgingGrouping, PartyTable>> = {
  counterparty: 'counterparties',
  salesperson: 'employees',
  office: 'offices',
};

/**
 * 账龄分析 (DOMAIN.md §7): what is still open of receivables (or payables) at the end of a day, by how
 * long past due. Each item dated on or before that day counts with what was open of it then: its amount
 * less the settlements (核销) made by then — a settlement is dated the later of its two items, so one
 * made with an item dated after the day is not counted, and a row's total is the balance at that day.
 * A settlement since reversed (反核销) counts as never made, as the ledger keeps no date of reversal but
 * the moment it was done. Open items that lower the balance — money received ahead, returns not yet
 * settled — are the 预收 / 预付 column, a positive amount taken off the balance as on 往来余额, rather than aged. Only customers in the caller's customer
 * scope are aged (customer-scope.ts).
 */
export function aging(ctx: ServiceContext, input: AgingInput) {
  assertIndependent(ctx);
  const sqlite = ctx.db.$client;
  const asOf = input.asOf ?? ctx.clock.today();
  const items = prepared(
    sqlite,
    'SELECT i.counterparty_id AS counterpartyId, i.due_date AS dueDate, c.salesperson_id AS salespersonId, ' +
      'c.office_id AS officeId, i.amount ' +
      '- coalesce((SELECT sum(s.amount) FROM settlements s WHERE s.debit_item_id = i.id AND s.reversed_at IS NULL AND s.settled_on <= ?), 0) ' +
      '+ coalesce((SELECT sum(s.amount) FROM settlements s WHERE s.credit_item_id = i.id AND s.reversed_at IS NULL AND s.settled_on <= ?), 0) AS open ' +
      'FROM open_items i JOIN counterparties c ON c.id = i.counterparty_id WHERE i.side = ? AND i.business_date <= ? ' +
      `AND ${counterpartyInReach(ctx.actor.customerReach, 'c')}`,
  ).all(asOf, asOf, input.side, asOf) as OpenItem[];

  const groups = new Map<number | null, Figures>();
  for (const item of items) {
    if (item.open === 0) continue;
    const key =
      input.groupBy === 'counterparty'
        ? item.counterpartyId
        : input.groupBy === 'salesperson'
          ? item.salespersonId
          : item.officeId;
    const figures = groups.get(key) ?? zero();
    figures.balance += item.open;
    // 预收 / 预付 as a positive amount, as 往来余额 shows it: the balance is the buckets less it.
    if (item.open < 0) figures.prepayment -= item.open;
    else figures[agingBucket(item.dueDate, asOf)] += item.open;
    groups.set(key, figures);
  }

  const parties = readParties(
    sqlite,
    groupTables[input.groupBy],
    [...groups.keys()].filter((key) => key !== null),
  );
  const texts = (figures: Figures) => ({
    balance: moneyText(figures.balance),
    notDue: moneyText(figures.notDue),
    days0To30: moneyText(figures.days0To30),
    days31To60: moneyText(figures.days31To60),
    days61To90: moneyText(figures.days61To90),
    over90: moneyText(figures.over90),
    prepayment: moneyText(figures.prepayment),
  });
  const totals = zero();
  const rows = [...groups.entries()]
    .map(([key, figures]) => {
      for (const name of Object.keys(totals) as (keyof Figures)[]) totals[name] += figures[name];
      const party = key === null ? undefined : parties.get(key);
      return {
        id: key,
        code: party?.code ?? '',
        name: party?.name ?? unassignedName,
        ...texts(figures),
      };
    })
    .sort(byCodeUnassignedLast);
  return {
    side: input.side,
    sideLabel: moneySideLabels[input.side],
    asOf,
    groupBy: input.groupBy,
    rows,
    totals: texts(totals),
  };
}

export type AgingReport = ReturnType<typeof aging>;

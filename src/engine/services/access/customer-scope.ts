import type Database from 'better-sqlite3';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { LedgerDb, LedgerTx } from '../../db/connection';
import { prepared } from '../../db/prepared';
import { counterparties } from '../../db/schema';
import type { CustomerScope } from '../../domain/access/roles';
import { LedgerError } from '../../../shared/ledger-error';
import type { Actor } from '../context';

/**
 * 客户数据范围 as it stands for one caller at one call: every customer, those whose salesperson is one of
 * `employeeIds` (个人), or those whose office is one of `officeIds` (本部门: the caller's office and every
 * office below it). Resolved from the user's employee record (employees.user_id) when the call begins,
 * so a change to the role, the employee or the office tree holds from the next call.
 */
export type CustomerReach =
  | { scope: 'all' }
  | { scope: 'own'; employeeIds: readonly number[] }
  | { scope: 'office'; officeIds: readonly number[] };

export const everyCustomer: CustomerReach = { scope: 'all' };

/**
 * What a role's customer scope reaches for this user. A user with no employee record (or one in the
 * recycle bin) under 个人 or 本部门 reaches no customer: nobody has said whose salesperson they are.
 */
export function customerReachOf(
  sqlite: Database.Database,
  userId: number | null,
  scope: CustomerScope,
): CustomerReach {
  if (scope === 'all') return everyCustomer;
  const employee =
    userId === null
      ? undefined
      : (prepared(
          sqlite,
          'SELECT id, office_id AS officeId FROM employees WHERE user_id = ? AND deleted_at IS NULL',
        ).get(userId) as { id: number; officeId: number | null } | undefined);
  if (scope === 'own') return { scope, employeeIds: employee ? [employee.id] : [] };
  if (!employee || employee.officeId === null) return { scope, officeIds: [] };
  // The office and everything below it in the tree; UNION (not UNION ALL) stops at a loop.
  const offices = prepared(
    sqlite,
    'WITH RECURSIVE below(id) AS (SELECT ? UNION SELECT o.id FROM offices o JOIN below b ON o.parent_id = b.id) ' +
      'SELECT id FROM below ORDER BY id',
  ).all(employee.officeId) as { id: number }[];
  return { scope, officeIds: offices.map((office) => office.id) };
}

function idList(ids: readonly number[]): string {
  // Ids come from the ledger's own integer keys; checked anyway, since they are written into SQL text.
  for (const id of ids) {
    if (!Number.isSafeInteger(id)) throw new LedgerError('INTERNAL', `客户范围中的编号【${id}】无效。`);
  }
  return ids.join(', ');
}

/**
 * The SQL condition a counterparty row (`row`: the table or its alias in the query) must meet to be
 * seen: scope is about customers (客户, 客户及供应商), so a pure supplier passes whatever the scope,
 * for whoever may view suppliers at all. Plain SQL text, for the raw statements of money and reports as
 * much as for the query builder.
 */
export function counterpartyInReach(reach: CustomerReach, row: string): string {
  if (reach.scope === 'all') return '1 = 1';
  const ids = reach.scope === 'own' ? reach.employeeIds : reach.officeIds;
  const column = reach.scope === 'own' ? 'salesperson_id' : 'office_id';
  const supplier = `${row}.kind = 'supplier'`;
  return ids.length === 0 ? supplier : `(${supplier} OR ${row}.${column} IN (${idList(ids)}))`;
}

/**
 * The condition on a counterparty id column (`documents.counterparty_id`, `open_items.counterparty_id`):
 * no counterparty (a transfer, a stocktake) or one in reach.
 */
export function counterpartyIdInReach(reach: CustomerReach, idColumn: string): string {
  if (reach.scope === 'all') return '1 = 1';
  return (
    `(${idColumn} IS NULL OR ${idColumn} IN ` +
    `(SELECT reach.id FROM counterparties reach WHERE ${counterpartyInReach(reach, 'reach')}))`
  );
}

/** `counterpartyInReach` for the query builder, on the table `counterparties` or an alias of it. */
export function counterpartyInReachSql(reach: CustomerReach, row = 'counterparties'): SQL {
  return sql.raw(counterpartyInReach(reach, `"${row}"`));
}

/** Whether one counterparty is in the actor's reach; a counterparty that does not exist is not. */
export function reachesCounterparty(db: LedgerDb | LedgerTx, actor: Actor, id: number): boolean {
  const reach = actor.customerReach;
  if (reach.scope === 'all') return true;
  const found = db
    .select({ id: counterparties.id })
    .from(counterparties)
    .where(and(eq(counterparties.id, id), counterpartyInReachSql(reach)))
    .get();
  return found !== undefined;
}

/** `assertReachesCounterparty` for services written over the raw connection (money, reports). */
export function assertReachesCounterpartyRaw(sqlite: Database.Database, actor: Actor, id: number): void {
  const reach = actor.customerReach;
  const found =
    reach.scope === 'all' ||
    prepared(
      sqlite,
      `SELECT 1 FROM counterparties c WHERE c.id = ? AND ${counterpartyInReach(reach, 'c')}`,
    ).get(id) !== undefined;
  if (!found) throw notFound(id);
}

function notFound(id: number): LedgerError {
  return new LedgerError('NOT_FOUND', `往来单位（编号 ${id}）不存在。`, { field: 'counterpartyId' });
}

/**
 * A counterparty out of the actor's reach is, to them, one that does not exist: the same answer as
 * counterparties.get gives, so an id tried by hand tells nothing about what lies outside.
 */
export function assertReachesCounterparty(db: LedgerDb | LedgerTx, actor: Actor, id: number): void {
  if (!reachesCounterparty(db, actor, id)) throw notFound(id);
}

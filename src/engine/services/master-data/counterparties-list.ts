import { and, asc, count, desc, eq, inArray, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { counterparties, counterpartyContacts, employees, offices } from '../../db/schema';
import {
  channelTierLabels,
  counterpartyKindLabels,
  type ChannelTier,
  type CounterpartyKind,
} from '../../domain/master-data/channel';
import { counterpartyInReachSql } from '../access/customer-scope';
import type { ServiceContext } from '../context';
import { yuanText } from './counterparties';
import { normalizeSearchTerm } from '../../../shared/text/search-text';

export const counterpartySortFields = ['code', 'name', 'updatedAt'] as const;

/**
 * The kinds a filter for `kind` lets through: a 客户及供应商 is a customer and a supplier, so it
 * appears under both; asking for `both` gives only those.
 */
export function kindsMatching(kind: CounterpartyKind): CounterpartyKind[] {
  return kind === 'both' ? ['both'] : [kind, 'both'];
}

export interface CounterpartyListQuery {
  search?: string;
  active?: boolean;
  recycleBin?: boolean;
  kind?: CounterpartyKind;
  channelTier?: ChannelTier;
  officeId?: number;
  /** The direct 下级客户 of this customer. */
  parentId?: number;
  sort?: { field: (typeof counterpartySortFields)[number]; order: 'asc' | 'desc' };
  offset: number;
  limit: number;
}

const parent = alias(counterparties, 'parent');

/**
 * The counterparty list, filtered and searched by the engine: a search matches the code, name,
 * region, contacts' names and phones, and the pinyin of the Chinese ones. Rows are ready to show, and
 * only those in the caller's customer scope (customer-scope.ts): the export is this list, too.
 */
export function listCounterparties(ctx: ServiceContext, query: CounterpartyListQuery) {
  const conditions: SQL[] = [
    query.recycleBin ? isNotNull(counterparties.deletedAt) : isNull(counterparties.deletedAt),
    counterpartyInReachSql(ctx.actor.customerReach),
  ];
  const term = query.search ? normalizeSearchTerm(query.search) : '';
  if (term) conditions.push(sql`instr(${counterparties.searchText}, ${term}) > 0`);
  if (query.active !== undefined) conditions.push(eq(counterparties.active, query.active));
  if (query.kind) conditions.push(inArray(counterparties.kind, kindsMatching(query.kind)));
  if (query.channelTier) conditions.push(eq(counterparties.channelTier, query.channelTier));
  if (query.officeId !== undefined) conditions.push(eq(counterparties.officeId, query.officeId));
  if (query.parentId !== undefined) conditions.push(eq(counterparties.parentId, query.parentId));
  const where = and(...conditions);
  const sortColumn = {
    code: counterparties.code,
    name: counterparties.name,
    updatedAt: counterparties.updatedAt,
  }[query.sort?.field ?? 'code'];
  const order = query.sort?.order === 'desc' ? desc(sortColumn) : asc(sortColumn);

  const rows = ctx.db
    .select({
      id: counterparties.id,
      code: counterparties.code,
      name: counterparties.name,
      kind: counterparties.kind,
      channelTier: counterparties.channelTier,
      parentId: counterparties.parentId,
      parentCode: parent.code,
      parentName: parent.name,
      officeId: counterparties.officeId,
      officeName: offices.name,
      salespersonId: counterparties.salespersonId,
      salespersonName: employees.name,
      region: counterparties.region,
      creditLimit: counterparties.creditLimit,
      paymentTermDays: counterparties.paymentTermDays,
      openingReceivable: counterparties.openingReceivable,
      openingPayable: counterparties.openingPayable,
      isInternal: counterparties.isInternal,
      active: counterparties.active,
      updatedAt: counterparties.updatedAt,
      deletedAt: counterparties.deletedAt,
      deletedBy: counterparties.deletedBy,
    })
    .from(counterparties)
    .leftJoin(parent, eq(parent.id, counterparties.parentId))
    .leftJoin(offices, eq(offices.id, counterparties.officeId))
    .leftJoin(employees, eq(employees.id, counterparties.salespersonId))
    .where(where)
    .orderBy(order, asc(counterparties.id))
    .limit(query.limit)
    .offset(query.offset)
    .all();
  const total = ctx.db.select({ n: count() }).from(counterparties).where(where).get()?.n ?? 0;

  const contacts = rows.length
    ? ctx.db
        .select({
          counterpartyId: counterpartyContacts.counterpartyId,
          name: counterpartyContacts.name,
          phone: counterpartyContacts.phone,
        })
        .from(counterpartyContacts)
        .where(
          inArray(
            counterpartyContacts.counterpartyId,
            rows.map((row) => row.id),
          ),
        )
        .orderBy(asc(counterpartyContacts.sortOrder), asc(counterpartyContacts.id))
        .all()
    : [];
  return {
    total,
    rows: rows.map((row) => {
      const firstContact = contacts.find((contact) => contact.counterpartyId === row.id);
      return {
        ...row,
        kindLabel: counterpartyKindLabels[row.kind],
        channelTierLabel: row.channelTier ? channelTierLabels[row.channelTier] : null,
        creditLimit: row.creditLimit === null ? null : yuanText(row.creditLimit),
        openingReceivable: yuanText(row.openingReceivable),
        openingPayable: yuanText(row.openingPayable),
        contactName: firstContact?.name ?? null,
        contactPhone: firstContact?.phone ?? null,
      };
    }),
  };
}

import { and, asc, eq, inArray, isNull, ne, sql, type SQL } from 'drizzle-orm';
import { counterparties } from '../../db/schema';
import { channelTierLabels, counterpartyKindLabels } from '../../domain/master-data/channel';
import { counterpartyInReachSql } from '../access/customer-scope';
import type { ServiceContext } from '../context';
import { kindsMatching } from './counterparties-list';
import { normalizeSearchTerm } from '../../../shared/text/search-text';

const pickerColumns = {
  id: counterparties.id,
  code: counterparties.code,
  name: counterparties.name,
  kind: counterparties.kind,
  channelTier: counterparties.channelTier,
  region: counterparties.region,
  officeId: counterparties.officeId,
  salespersonId: counterparties.salespersonId,
  active: counterparties.active,
};

/**
 * The counterparty picker on a document: the exact code first, then everything whose code, name,
 * region, contact or pinyin contains what was typed. Asking for customers also gives those that
 * are customer and supplier both; the same for suppliers. Customers out of the caller's scope are
 * not offered (customer-scope.ts).
 */
export function searchCounterparties(
  ctx: ServiceContext,
  rawTerm: string,
  limit: number,
  kind?: 'customer' | 'supplier' | 'internal',
) {
  const term = normalizeSearchTerm(rawTerm);
  if (!term) return [];
  const scope: SQL[] = [isNull(counterparties.deletedAt), counterpartyInReachSql(ctx.actor.customerReach)];
  if (kind === 'internal') scope.push(eq(counterparties.isInternal, true));
  else if (kind) scope.push(inArray(counterparties.kind, kindsMatching(kind)));

  const exact = ctx.db
    .select(pickerColumns)
    .from(counterparties)
    .where(and(...scope, eq(counterparties.code, rawTerm.trim())))
    .get();
  const matches = ctx.db
    .select(pickerColumns)
    .from(counterparties)
    .where(
      and(
        ...scope,
        sql`instr(${counterparties.searchText}, ${term}) > 0`,
        exact ? ne(counterparties.id, exact.id) : undefined,
      ),
    )
    .orderBy(asc(counterparties.code))
    .limit(exact ? limit - 1 : limit)
    .all();
  return [...(exact ? [exact] : []), ...matches].map((match) => ({
    ...match,
    kindLabel: counterpartyKindLabels[match.kind],
    channelTierLabel: match.channelTier ? channelTierLabels[match.channelTier] : null,
  }));
}

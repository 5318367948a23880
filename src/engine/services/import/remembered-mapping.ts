import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { LedgerDb, LedgerTx } from '../../db/connection';
import { importMappings } from '../../db/schema';
import type { ServiceContext } from '../context';
import { normalizeHeader } from './header-text';
import type { ColumnMapping } from './map-columns';

/**
 * A source is "the same kind of file again": the same entity with the same header row (compared
 * as headers are matched, so a changed space or full-width bracket is still the same source).
 */
export function sourceKeyOf(entity: string, headers: readonly string[]): string {
  const digest = createHash('sha256').update(headers.map(normalizeHeader).join('\u0001')).digest('hex');
  return `${entity}:${digest}`;
}

export function rememberedMapping(db: LedgerDb | LedgerTx, sourceKey: string): ColumnMapping | null {
  const row = db
    .select({ mapping: importMappings.mapping })
    .from(importMappings)
    .where(eq(importMappings.sourceKey, sourceKey))
    .get();
  return (row?.mapping as ColumnMapping | undefined) ?? null;
}

/** Keeps the mapping the clerk committed with, to offer it first for the next file from the same source. */
export function rememberMapping(
  tx: LedgerTx,
  ctx: ServiceContext,
  entry: { sourceKey: string; entity: string; mapping: ColumnMapping },
): void {
  const updatedAt = ctx.clock.now().toISOString();
  tx.insert(importMappings)
    .values({ ...entry, updatedAt })
    .onConflictDoUpdate({ target: importMappings.sourceKey, set: { mapping: entry.mapping, updatedAt } })
    .run();
}

import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { goods, goodsUnits } from '../../db/schema';
import type { ServiceContext } from '../context';
import { normalizeSearchTerm } from '../../../shared/text/search-text';

/**
 * The goods picker on a document line: a scanned barcode or an exact code first (a scanned box
 * barcode also says which unit: it enters 1 箱), then everything whose code, name, spec, brand,
 * barcode or pinyin contains what was typed.
 */
export function searchGoods(ctx: ServiceContext, rawTerm: string, limit: number) {
  const term = normalizeSearchTerm(rawTerm);
  if (!term) return [];

  const byBarcode = ctx.db
    .select({ goodsId: goodsUnits.goodsId, unit: goodsUnits.name })
    .from(goodsUnits)
    .innerJoin(goods, eq(goods.id, goodsUnits.goodsId))
    .where(and(eq(goodsUnits.barcode, rawTerm.trim()), isNull(goods.deletedAt)))
    .get();
  const byCode = ctx.db
    .select({ id: goods.id })
    .from(goods)
    .where(and(eq(goods.code, rawTerm.trim()), isNull(goods.deletedAt)))
    .get();

  // A scanned barcode names one goods: the scanner wants it, not a scan of the whole catalogue
  // for other codes that happen to contain those digits.
  const matches = byBarcode
    ? []
    : ctx.db
        .select({ id: goods.id, code: goods.code, name: goods.name, spec: goods.spec, active: goods.active })
        .from(goods)
        .where(and(isNull(goods.deletedAt), sql`instr(${goods.searchText}, ${term}) > 0`))
        .orderBy(asc(goods.code))
        .limit(limit)
        .all();

  const exactId = byBarcode?.goodsId ?? byCode?.id ?? null;
  const ordered =
    exactId === null
      ? matches
      : [
          ...(matches.some((match) => match.id === exactId)
            ? matches.filter((match) => match.id === exactId)
            : ctx.db
                .select({
                  id: goods.id,
                  code: goods.code,
                  name: goods.name,
                  spec: goods.spec,
                  active: goods.active,
                })
                .from(goods)
                .where(eq(goods.id, exactId))
                .all()),
          ...matches.filter((match) => match.id !== exactId),
        ].slice(0, limit);

  const units = ordered.length
    ? ctx.db
        .select({
          goodsId: goodsUnits.goodsId,
          name: goodsUnits.name,
          ratio: goodsUnits.ratio,
          isBase: goodsUnits.isBase,
        })
        .from(goodsUnits)
        .where(
          inArray(
            goodsUnits.goodsId,
            ordered.map((match) => match.id),
          ),
        )
        .orderBy(asc(goodsUnits.sortOrder))
        .all()
    : [];
  return ordered.map((match) => ({
    ...match,
    units: units.filter((unit) => unit.goodsId === match.id).map(({ goodsId: _goodsId, ...unit }) => unit),
    /** The unit the scanned barcode belongs to, when a barcode was scanned. */
    scannedUnit: byBarcode?.goodsId === match.id ? byBarcode.unit : null,
  }));
}

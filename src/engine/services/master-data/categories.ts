import { asc, eq } from 'drizzle-orm';
import type { LedgerDb, LedgerTx } from '../../db/connection';
import { goodsCategories } from '../../db/schema';
import { newUid } from '../../db/uid';
import { LedgerError } from '../../../shared/ledger-error';
import { recordAudit } from '../audit/record-audit';
import type { ServiceContext } from '../context';

/** "乳制品 / 纯牛奶 " → "乳制品/纯牛奶": how a category path is written and compared. */
export function normalizeCategoryPath(path: string): string {
  return path
    .split(/[/／\\>＞]/)
    .map((part) => part.trim())
    .filter(Boolean)
    .join('/');
}

/**
 * The category at `path`, creating the missing levels when allowed (an import's option); refused
 * otherwise, naming the path.
 */
export function resolveCategoryPath(
  tx: LedgerTx,
  ctx: ServiceContext,
  rawPath: string,
  options: { create: boolean },
): number {
  const path = normalizeCategoryPath(rawPath);
  const existing = tx
    .select({ id: goodsCategories.id })
    .from(goodsCategories)
    .where(eq(goodsCategories.path, path))
    .get();
  if (existing) return existing.id;
  if (!options.create) throw new LedgerError('NOT_FOUND', `商品类别【${path}】不存在。`);

  let parentId: number | null = null;
  const names = path.split('/');
  for (let depth = 1; depth <= names.length; depth += 1) {
    const levelPath = names.slice(0, depth).join('/');
    const level = tx
      .select({ id: goodsCategories.id })
      .from(goodsCategories)
      .where(eq(goodsCategories.path, levelPath))
      .get();
    if (level) {
      parentId = level.id;
      continue;
    }
    const now = ctx.clock.now().toISOString();
    const created = tx
      .insert(goodsCategories)
      .values({
        uid: newUid(),
        name: names[depth - 1]!,
        parentId,
        path: levelPath,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: goodsCategories.id })
      .get();
    recordAudit(tx, ctx, {
      action: 'category.create',
      entity: 'goods_category',
      entityKey: levelPath,
      after: { path: levelPath },
    });
    parentId = created.id;
  }
  return parentId!;
}

export function listCategories(db: LedgerDb) {
  return db
    .select({
      id: goodsCategories.id,
      name: goodsCategories.name,
      parentId: goodsCategories.parentId,
      path: goodsCategories.path,
    })
    .from(goodsCategories)
    .orderBy(asc(goodsCategories.path))
    .all();
}

import { uncategorized } from '../../shared/hq-console/console-api';
import type { HqStore } from '../store/hq-store';

/**
 * Category uids are each branch's own; across branches goods are grouped by the NAME of their TOP-LEVEL
 * category (the first step of the category's path, 饮料 of 饮料/碳酸饮料). Branches name their main lines
 * of goods alike but subdivide them as each sees fit, so top-level names line up where leaf names would
 * not (two branches' "其他" under different parents would otherwise merge). Goods without a category, or
 * whose category head office never received, go under 未分类.
 */
export interface CategoryGroups {
  groupOf(branch: string, categoryUid: string | null | undefined): string;
}

function topLevelName(row: Record<string, unknown>): string {
  const path = typeof row.path === 'string' ? row.path : '';
  const top = path.split('/')[0]?.trim();
  if (top) return top;
  return typeof row.name === 'string' && row.name.trim() !== '' ? row.name.trim() : uncategorized;
}

export async function categoryGroups(store: HqStore, branch?: string): Promise<CategoryGroups> {
  const names = new Map<string, string>();
  for (const { branch: code, row } of await store.console.entities('categories', branch)) {
    names.set(`${code}\u0000${String(row.uid)}`, topLevelName(row));
  }
  return {
    groupOf: (code, categoryUid) =>
      (categoryUid ? names.get(`${code}\u0000${categoryUid}`) : undefined) ?? uncategorized,
  };
}

/** Categories in the order a Chinese reader expects (by pinyin), 未分类 last. */
export function compareCategories(a: string, b: string): number {
  if (a === b) return 0;
  if (a === uncategorized) return 1;
  if (b === uncategorized) return -1;
  return a.localeCompare(b, 'zh-Hans-CN');
}

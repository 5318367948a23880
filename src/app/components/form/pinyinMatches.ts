import { normalizeSearchTerm, searchTextOf } from '../../../shared/text/search-text';

/**
 * Whether a short list's entry (a page in the menu, a role, a warehouse) answers what was typed: its text,
 * its pinyin initials or its full pinyin (`cgrk` and `caigou` find 采购入库单), as the engine's master-data
 * search does for long lists. Nothing typed matches everything.
 */
export function pinyinMatches(texts: readonly (string | null | undefined)[], typed: string): boolean {
  const term = normalizeSearchTerm(typed);
  return term === '' || searchTextOf(texts).includes(term);
}

/**
 * antd Select's `showSearch` for a short list of options: by label, its pinyin initials or full pinyin,
 * and by the option's `code` where it has one (a warehouse's CK01).
 */
export const pinyinSearch = {
  filterOption: (typed: string, option?: { label?: unknown; code?: unknown }) =>
    pinyinMatches(
      [option?.label, option?.code].map((text) => (typeof text === 'string' ? text : '')),
      typed,
    ),
};

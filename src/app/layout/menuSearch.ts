import { normalizeSearchTerm, searchTextOf } from '../../shared/text/search-text';

/**
 * Whether a page's title answers what was typed in the menu search: the title itself, its pinyin
 * initials or its full pinyin (`cgrk` and `caigou` find 采购入库单), as the master-data pickers search.
 */
export function menuMatches(title: string, typed: string): boolean {
  const term = normalizeSearchTerm(typed);
  return term !== '' && searchTextOf([title]).includes(term);
}

import type { ListQuery } from './entityListConfig';

/** The part of a list's API input every entity shares; each config adds its own filters. */
export function listQueryInput<Filters, SortField extends string>(query: ListQuery<Filters, SortField>) {
  return {
    search: query.search,
    active: query.active,
    recycleBin: query.recycleBin,
    sort: query.sort,
  };
}

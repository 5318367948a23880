import { useMemo } from 'react';
import type { ApiOutput } from '../../../../shared/api';
import { useApiQuery } from '../../../api/useApi';
import type { OptionSource, SelectOption } from '../../../components/list/entityListConfig';

type Category = ApiOutput<'categories.list'>[number];

function branchesOf(categories: Category[], parentId: number | null): SelectOption[] {
  return categories
    .filter((category) => category.parentId === parentId)
    .map((category) => {
      const children = branchesOf(categories, category.id);
      return {
        value: category.path,
        label: category.name,
        chosenLabel: category.path,
        ...(children.length ? { children } : {}),
      };
    });
}

/** The goods category tree (乳制品 › 纯牛奶), valued by path as the engine names categories. */
export function useCategoryTree(): OptionSource {
  const categories = useApiQuery('categories.list', {});
  const options = useMemo(() => branchesOf(categories.data ?? [], null), [categories.data]);
  return { options, loading: categories.isPending };
}

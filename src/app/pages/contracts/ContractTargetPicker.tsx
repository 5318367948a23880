import { Select, TreeSelect } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/useApi';
import { useDebouncedValue } from '../../components/list/useDebouncedValue';

export interface PickedTarget {
  id: number | null;
  label: string;
}

/**
 * 商品 on a signed-volume line, found as on a document line (code, name or pinyin initials, searched by
 * the engine). The line keeps the goods' label, so a saved line names its goods without another read.
 */
export function ContractGoodsPicker({
  goodsId,
  label,
  disabled,
  onPick,
}: {
  goodsId: number | null;
  label: string;
  disabled: boolean;
  onPick: (picked: PickedTarget) => void;
}) {
  const { t } = useTranslation();
  const [term, setTerm] = useState('');
  const settled = useDebouncedValue(term.trim(), 250);
  const found = useApiQuery('goods.search', { term: settled, limit: 30 }, { enabled: settled !== '' });
  const options = (found.data ?? []).map((goods) => ({
    value: goods.id,
    label: [goods.code, goods.name, goods.spec].filter(Boolean).join(' '),
  }));
  if (goodsId !== null && !options.some((option) => option.value === goodsId))
    options.unshift({ value: goodsId, label });

  return (
    <Select<number>
      value={goodsId ?? undefined}
      allowClear
      disabled={disabled}
      placeholder={t('contracts.lines.pickGoods')}
      loading={found.isFetching}
      options={options}
      showSearch={{ filterOption: false, onSearch: setTerm, searchValue: term }}
      notFoundContent={null}
      popupMatchSelectWidth={360}
      style={{ width: '100%' }}
      onChange={(id, option) => {
        const chosen = Array.isArray(option) ? undefined : option;
        setTerm('');
        onPick({ id: id ?? null, label: chosen ? String(chosen.label) : '' });
      }}
      data-testid="contract-line-goods"
    />
  );
}

interface CategoryNode {
  value: number;
  title: string;
  path: string;
  children: CategoryNode[];
}

/** 类别 on a signed-volume line or a rebate term's scope: the category tree, named by its path once chosen. */
export function ContractCategoryPicker({
  categoryId,
  disabled,
  onPick,
}: {
  categoryId: number | null;
  disabled: boolean;
  onPick: (picked: PickedTarget) => void;
}) {
  const { t } = useTranslation();
  const categories = useApiQuery('categories.list', {});
  const { tree, pathOf } = useMemo(() => {
    const nodes = new Map<number, CategoryNode>();
    for (const row of categories.data ?? [])
      nodes.set(row.id, { value: row.id, title: row.name, path: row.path, children: [] });
    const roots: CategoryNode[] = [];
    for (const row of categories.data ?? []) {
      const node = nodes.get(row.id)!;
      const parent = row.parentId === null ? undefined : nodes.get(row.parentId);
      (parent ? parent.children : roots).push(node);
    }
    return { tree: roots, pathOf: (id: number) => nodes.get(id)?.path ?? '' };
  }, [categories.data]);

  return (
    <TreeSelect<number>
      value={categoryId ?? undefined}
      allowClear
      disabled={disabled}
      treeData={tree}
      treeDefaultExpandAll
      placeholder={t('contracts.lines.pickCategory')}
      loading={categories.isPending}
      style={{ width: '100%' }}
      onChange={(id) => onPick({ id: id ?? null, label: id === undefined ? '' : pathOf(id) })}
      data-testid="contract-line-category"
    />
  );
}

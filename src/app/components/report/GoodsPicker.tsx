import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/useApi';
import { useDebouncedValue } from '../list/useDebouncedValue';

interface PickedGoods {
  value: number;
  label: string;
}

/**
 * One goods, found as on a document line: code, name, spec, barcode or pinyin initials, searched by
 * the engine (`goods.search`) as the person types.
 */
export function GoodsPicker({
  value,
  onChange,
  width = 320,
}: {
  value: number | undefined;
  onChange: (goodsId: number | undefined) => void;
  width?: number;
}) {
  const { t } = useTranslation();
  const [term, setTerm] = useState('');
  const settled = useDebouncedValue(term.trim(), 250);
  // The chosen goods keeps its label when the next search no longer lists it.
  const [picked, setPicked] = useState<PickedGoods | null>(null);
  const found = useApiQuery('goods.search', { term: settled, limit: 30 }, { enabled: settled !== '' });

  const options = (found.data ?? []).map((goods) => ({
    value: goods.id,
    label: [goods.code, goods.name, goods.spec].filter(Boolean).join(' '),
  }));
  if (picked && value === picked.value && !options.some((option) => option.value === picked.value)) {
    options.unshift(picked);
  }

  return (
    <Select<number>
      value={value}
      allowClear
      placeholder={t('reports.goodsPlaceholder')}
      aria-label={t('reports.goods')}
      style={{ width }}
      loading={found.isFetching}
      options={options}
      showSearch={{ filterOption: false, onSearch: setTerm, searchValue: term }}
      notFoundContent={null}
      onChange={(goodsId, option) => {
        const chosen = Array.isArray(option) ? undefined : option;
        setPicked(goodsId === undefined || !chosen ? null : { value: goodsId, label: String(chosen.label) });
        setTerm('');
        onChange(goodsId);
      }}
      data-testid="report-goods"
    />
  );
}

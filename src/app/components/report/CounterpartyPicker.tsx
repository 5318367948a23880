import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/useApi';
import { useDebouncedValue } from '../list/useDebouncedValue';

interface PickedCounterparty {
  value: number;
  label: string;
  kind: string;
}

const labelOf = (counterparty: { code: string; name: string }) => `${counterparty.code} ${counterparty.name}`;

/**
 * One counterparty, found as on a document's header: code, name, region, contact or pinyin initials,
 * searched by the engine (`counterparties.search`) as the person types. A counterparty given from
 * outside (a page opened for it from 往来余额) is named by reading its record.
 */
export function CounterpartyPicker({
  value,
  onChange,
  width = 280,
  testId,
}: {
  value: number | undefined;
  /** With the picked counterparty's kind, so a page can turn to its side (应收 / 应付). */
  onChange: (counterpartyId: number | undefined, kind: string | undefined) => void;
  width?: number;
  testId: string;
}) {
  const { t } = useTranslation();
  const [term, setTerm] = useState('');
  const settled = useDebouncedValue(term.trim(), 250);
  // The chosen counterparty keeps its label when the next search no longer lists it.
  const [picked, setPicked] = useState<PickedCounterparty | null>(null);
  const found = useApiQuery(
    'counterparties.search',
    { term: settled, limit: 30 },
    { enabled: settled !== '' },
  );
  const unnamed = value !== undefined && picked?.value !== value;
  const record = useApiQuery('counterparties.get', { id: value ?? 0 }, { enabled: unnamed });

  const options = (found.data ?? []).map((counterparty) => ({
    value: counterparty.id,
    label: labelOf(counterparty),
    kind: counterparty.kind as string,
  }));
  const current: PickedCounterparty | null = unnamed
    ? record.data && record.data.id === value
      ? { value: record.data.id, label: labelOf(record.data), kind: record.data.kind }
      : null
    : picked;
  if (current && !options.some((option) => option.value === current.value)) options.unshift(current);

  return (
    <Select<number>
      value={value}
      allowClear
      placeholder={t('reports.counterpartyPlaceholder')}
      aria-label={t('reports.counterparty')}
      style={{ width }}
      loading={found.isFetching || record.isFetching}
      options={options}
      showSearch={{ filterOption: false, onSearch: setTerm, searchValue: term }}
      notFoundContent={null}
      onChange={(counterpartyId, option) => {
        const chosen = Array.isArray(option) ? undefined : option;
        setPicked(
          counterpartyId === undefined || !chosen
            ? null
            : { value: counterpartyId, label: String(chosen.label), kind: chosen.kind },
        );
        setTerm('');
        onChange(counterpartyId, chosen?.kind);
      }}
      data-testid={testId}
    />
  );
}

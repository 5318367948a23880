import { Form, Select, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { useClient } from '../../api/ClientContext';
import type { LedgerClient } from '../../api/client';
import type { SelectOption } from '../list/entityListConfig';
import { useDebouncedValue } from '../list/useDebouncedValue';

/**
 * A picker that asks the engine as the person types (code, name or pinyin initials), for lists
 * too long to load whole. The current value's label comes from the record itself.
 */
export function SearchSelect({
  search,
  labelField,
  value,
  onChange,
  placeholder,
  disabled,
}: {
  search: (client: LedgerClient, term: string) => Promise<SelectOption[]>;
  labelField: string;
  value?: number | null;
  onChange?: (value: number | null) => void;
  placeholder?: string;
  disabled?: boolean;
}) {
  const client = useClient();
  const form = Form.useFormInstance();
  const [term, setTerm] = useState('');
  const settledTerm = useDebouncedValue(term, 250);
  const [found, setFound] = useState<{ term: string; options: SelectOption[] } | null>(null);

  useEffect(() => {
    if (!settledTerm.trim()) return;
    let current = true;
    void search(client, settledTerm).then(
      (options) => current && setFound({ term: settledTerm, options }),
      () => current && setFound({ term: settledTerm, options: [] }),
    );
    return () => {
      current = false;
    };
  }, [client, search, settledTerm]);

  const currentLabel = form.getFieldValue(labelField) as string | null | undefined;
  const options = found?.options ?? [];
  const withCurrent =
    value !== null && value !== undefined && currentLabel && !options.some((option) => option.value === value)
      ? [{ value, label: currentLabel }, ...options]
      : options;

  return (
    <Select<number>
      showSearch={{ filterOption: false, onSearch: setTerm }}
      allowClear
      value={value ?? undefined}
      onChange={(next, option) => {
        const chosen = Array.isArray(option) ? option[0] : option;
        form.setFieldValue(labelField, chosen?.label ?? null);
        onChange?.(next ?? null);
      }}
      options={withCurrent.map((option) => ({ value: Number(option.value), label: option.label }))}
      notFoundContent={term && found?.term !== settledTerm ? <Spin size="small" /> : undefined}
      placeholder={placeholder}
      disabled={disabled}
    />
  );
}

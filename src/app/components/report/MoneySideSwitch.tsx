import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApiInput } from '../../../shared/api';

/** 应收 (what customers owe the branch) or 应付 (what it owes suppliers), DOMAIN.md §7. */
export type MoneySide = ApiInput<'money.balances'>['side'];
export const moneySides: readonly MoneySide[] = ['receivable', 'payable'];

export function isMoneySide(text: string | null): text is MoneySide {
  return moneySides.includes(text as MoneySide);
}

/**
 * The side a counterparty is looked at from once picked: a supplier's payables, a customer's
 * receivables; one that is both (or an internal unit) keeps the side the person had chosen.
 */
export function sideOfCounterparty(kind: string | undefined, current: MoneySide): MoneySide {
  if (kind === 'supplier') return 'payable';
  if (kind === 'customer') return 'receivable';
  return current;
}

/** The 应收 / 应付 switch of every money page and report. */
export function MoneySideSwitch({
  value,
  onChange,
  testId,
}: {
  value: MoneySide;
  onChange: (side: MoneySide) => void;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <Segmented<MoneySide>
      value={value}
      onChange={onChange}
      options={moneySides.map((side) => ({ value: side, label: t(`money.sides.${side}`) }))}
      data-testid={testId}
    />
  );
}

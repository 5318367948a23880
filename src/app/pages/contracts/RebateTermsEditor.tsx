import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Flex, Input, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { rebateTermKindLabels, type RebateTermKind } from '../../../shared/contracts/rebate-terms';
import { blankTerm, blankTier, type RebateTermDraft, type TierDraft } from './contractDraft';
import { DateInput } from '../../components/form/DateInput';

const termKinds = Object.keys(rebateTermKindLabels) as RebateTermKind[];

/**
 * 返利条款: each term's kind, unit, tiers (or amount per unit) and conditions (回款, 限价), as the paper
 * contract states them. The engine checks the whole term when the contract is saved.
 */
export function RebateTermsEditor({
  terms,
  editable,
  onChange,
}: {
  terms: readonly RebateTermDraft[];
  editable: boolean;
  onChange: (terms: RebateTermDraft[]) => void;
}) {
  const { t } = useTranslation();
  const update = (key: string, change: Partial<RebateTermDraft>) =>
    onChange(terms.map((term) => (term.key === key ? { ...term, ...change } : term)));

  return (
    <div data-testid="contract-rebate-terms">
      <Typography.Title level={5}>{t('contracts.rebate.title')}</Typography.Title>
      {terms.length === 0 && <Typography.Text type="secondary">{t('contracts.rebate.none')}</Typography.Text>}
      <Flex vertical gap={8}>
        {terms.map((term, index) => (
          <Card
            key={term.key}
            size="small"
            title={`${index + 1}. ${term.name || t(`contracts.rebate.kinds.${term.kind}`)}`}
            extra={
              editable && (
                <Button
                  type="text"
                  size="small"
                  danger
                  icon={<DeleteOutlined />}
                  onClick={() => onChange(terms.filter((other) => other.key !== term.key))}
                >
                  {t('contracts.rebate.remove')}
                </Button>
              )
            }
            data-testid="contract-rebate-term"
          >
            <TermFields term={term} editable={editable} onChange={(change) => update(term.key, change)} />
          </Card>
        ))}
      </Flex>
      {editable && (
        <Button
          type="dashed"
          icon={<PlusOutlined />}
          style={{ marginTop: 8 }}
          onClick={() => onChange([...terms, blankTerm()])}
          data-testid="contract-add-term"
        >
          {t('contracts.rebate.add')}
        </Button>
      )}
    </div>
  );
}

function TermFields({
  term,
  editable,
  onChange,
}: {
  term: RebateTermDraft;
  editable: boolean;
  onChange: (change: Partial<RebateTermDraft>) => void;
}) {
  const { t } = useTranslation();
  const unit = term.unitName || '—';
  const updateTier = (key: string, change: Partial<TierDraft>) =>
    onChange({ tiers: term.tiers.map((tier) => (tier.key === key ? { ...tier, ...change } : tier)) });
  const field = (label: string, control: ReactNode, width: number) => (
    <label style={{ display: 'flex', flexDirection: 'column', gap: 2, width }}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {label}
      </Typography.Text>
      {control}
    </label>
  );

  return (
    <Flex vertical gap={8}>
      <Flex gap={12} wrap align="end">
        {field(
          t('contracts.rebate.kind'),
          <Select<RebateTermKind>
            value={term.kind}
            disabled={!editable}
            onChange={(kind) => onChange({ kind, tiers: term.tiers.length > 0 ? term.tiers : [blankTier()] })}
            options={termKinds.map((kind) => ({ value: kind, label: t(`contracts.rebate.kinds.${kind}`) }))}
            data-testid="contract-term-kind"
          />,
          130,
        )}
        {field(
          t('contracts.rebate.name'),
          <Input
            value={term.name}
            readOnly={!editable}
            variant={editable ? 'outlined' : 'filled'}
            maxLength={40}
            placeholder={t('contracts.rebate.namePlaceholder')}
            onChange={(event) => onChange({ name: event.target.value })}
          />,
          180,
        )}
        {field(
          t('contracts.rebate.unit'),
          <Input
            value={term.unitName}
            readOnly={!editable}
            variant={editable ? 'outlined' : 'filled'}
            maxLength={10}
            onChange={(event) => onChange({ unitName: event.target.value })}
            data-testid="contract-term-unit"
          />,
          80,
        )}
        {field(
          t('contracts.rebate.paidBy'),
          <DateInput
            value={term.paidBy ? dayjs(term.paidBy) : null}
            disabled={!editable}
            onChange={(date) => onChange({ paidBy: date ? date.format('YYYY-MM-DD') : null })}
          />,
          150,
        )}
        <Checkbox
          checked={term.keepAgreedPrice}
          disabled={!editable}
          onChange={(event) => onChange({ keepAgreedPrice: event.target.checked })}
          style={{ paddingBottom: 6 }}
        >
          {t('contracts.rebate.keepAgreedPrice')}
        </Checkbox>
      </Flex>
      {term.kind === 'per_unit' ? (
        field(
          t('contracts.rebate.amountPerUnit', { unit }),
          <Input
            value={term.amountPerUnit}
            readOnly={!editable}
            variant={editable ? 'outlined' : 'filled'}
            inputMode="decimal"
            onChange={(event) => onChange({ amountPerUnit: event.target.value })}
            data-testid="contract-term-amount"
          />,
          160,
        )
      ) : (
        <Flex vertical gap={4}>
          {term.tiers.map((tier, tierIndex) => (
            <Flex key={tier.key} gap={8} align="end" data-testid="contract-term-tier">
              <Typography.Text type="secondary" style={{ width: 48, paddingBottom: 6 }}>
                {t('contracts.rebate.tierOf', { tierNo: tierIndex + 1 })}
              </Typography.Text>
              {field(
                term.kind === 'growth' ? t('contracts.rebate.growth') : t('contracts.rebate.from', { unit }),
                <Input
                  value={tier.threshold}
                  readOnly={!editable}
                  variant={editable ? 'outlined' : 'filled'}
                  inputMode="decimal"
                  onChange={(event) => updateTier(tier.key, { threshold: event.target.value })}
                  data-testid="contract-tier-threshold"
                />,
                150,
              )}
              {field(
                t('contracts.rebate.rate'),
                <Input
                  value={tier.rate}
                  readOnly={!editable}
                  variant={editable ? 'outlined' : 'filled'}
                  inputMode="decimal"
                  onChange={(event) => updateTier(tier.key, { rate: event.target.value })}
                  data-testid="contract-tier-rate"
                />,
                120,
              )}
              {editable && term.tiers.length > 1 && (
                <Button
                  type="text"
                  size="small"
                  icon={<DeleteOutlined />}
                  title={t('contracts.rebate.removeTier')}
                  aria-label={t('contracts.rebate.removeTier')}
                  onClick={() => onChange({ tiers: term.tiers.filter((other) => other.key !== tier.key) })}
                />
              )}
            </Flex>
          ))}
          {editable && (
            <Button
              size="small"
              icon={<PlusOutlined />}
              style={{ alignSelf: 'flex-start' }}
              onClick={() => onChange({ tiers: [...term.tiers, blankTier()] })}
            >
              {t('contracts.rebate.addTier')}
            </Button>
          )}
        </Flex>
      )}
    </Flex>
  );
}

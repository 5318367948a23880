import { SaveOutlined } from '@ant-design/icons';
import { App, Button, Card, Input, InputNumber, Select, Table, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiOutput } from '../../../shared/api';
import {
  formatDocumentNumber,
  type NumberedKind,
  numberDateParts,
  numberResets,
  sequenceWidthRange,
} from '../../../shared/documents/numbering';
import { useApiMutation, useApiQuery } from '../../api/useApi';
import { LoadFailure } from '../../components/LoadFailure';

type NumberingRule = ApiOutput<'numbering.list'>[number];
const separators = ['', '-', '_', '/'];
const exampleSequence = 7;
/**
 * The reset a date part implies: a number without the day that restarted daily would repeat within
 * the month. Choosing a date part proposes it; the reset can still be changed after.
 */
const resetOfDatePart: Record<NumberingRule['datePart'], NumberingRule['reset']> = {
  yyyyMMdd: 'daily',
  yyyyMM: 'monthly',
  yyyy: 'yearly',
  none: 'never',
};
/** What the engine accepts in a prefix or suffix; marked at once rather than only on saving. */
const codeLike = /^[A-Za-z0-9-]*$/;

const sameRule = (a: NumberingRule, b: NumberingRule) =>
  a.prefix === b.prefix &&
  a.datePart === b.datePart &&
  a.separator === b.separator &&
  a.sequenceWidth === b.sequenceWidth &&
  a.reset === b.reset &&
  a.suffix === b.suffix;

/** 单据编号规则 (DOMAIN.md §5): one rule per document type, edited in place, with the number it gives. */
export function NumberingRulesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const rules = useApiQuery('numbering.list', {});
  const save = useApiMutation('numbering.save');
  const [drafts, setDrafts] = useState<Partial<Record<NumberedKind, NumberingRule>>>({});
  const [saving, setSaving] = useState<NumberedKind | null>(null);
  const today = dayjs().format('YYYY-MM-DD');

  if (rules.error) return <LoadFailure error={rules.error} onRetry={() => void rules.refetch()} />;

  const shown = (rules.data ?? []).map((rule) => drafts[rule.documentType] ?? rule);
  const saved = (type: NumberedKind) => rules.data?.find((rule) => rule.documentType === type);
  const edit = (rule: NumberingRule, change: Partial<NumberingRule>) =>
    setDrafts((current) => ({ ...current, [rule.documentType]: { ...rule, ...change } }));

  const saveRow = async (rule: NumberingRule) => {
    if (saving !== null) return;
    setSaving(rule.documentType);
    try {
      await save.mutateAsync(rule);
      setDrafts(({ [rule.documentType]: _saved, ...rest }) => rest);
      message.success(t('numbering.saved', { type: t(`document.types.${rule.documentType}`) }));
    } catch (error) {
      message.error((error as Error).message);
    } finally {
      setSaving(null);
    }
  };

  return (
    <Card title={t('page.numberingRules')} variant="borderless" style={{ maxWidth: 1180 }}>
      <Typography.Paragraph type="secondary">{t('numbering.intro')}</Typography.Paragraph>
      <Table<NumberingRule>
        rowKey="documentType"
        size="small"
        loading={rules.isPending}
        dataSource={shown}
        pagination={false}
        data-testid="numbering-rules"
        onRow={(rule) => ({ 'data-testid': `numbering-${rule.documentType}` }) as object}
        columns={[
          {
            title: t('numbering.documentType'),
            key: 'type',
            width: 120,
            render: (_, rule) => t(`document.types.${rule.documentType}`),
          },
          {
            title: t('numbering.prefix'),
            key: 'prefix',
            width: 100,
            render: (_, rule) => (
              <Input
                size="small"
                value={rule.prefix}
                maxLength={8}
                status={codeLike.test(rule.prefix) ? undefined : 'error'}
                onChange={(event) => edit(rule, { prefix: event.target.value })}
                aria-label={t('numbering.prefix')}
                data-testid="numbering-prefix"
              />
            ),
          },
          {
            title: t('numbering.datePart'),
            key: 'datePart',
            width: 150,
            render: (_, rule) => (
              <Select
                size="small"
                value={rule.datePart}
                style={{ width: '100%' }}
                onChange={(datePart) => edit(rule, { datePart, reset: resetOfDatePart[datePart] })}
                options={numberDateParts.map((part) => ({
                  value: part,
                  label:
                    part === 'none'
                      ? t('numbering.dateParts.none')
                      : `${t(`numbering.dateParts.${part}`)} ${part}`,
                }))}
                aria-label={t('numbering.datePart')}
                data-testid="numbering-date-part"
              />
            ),
          },
          {
            title: t('numbering.separator'),
            key: 'separator',
            width: 80,
            render: (_, rule) => (
              <Select
                size="small"
                value={rule.separator}
                style={{ width: '100%' }}
                onChange={(separator) => edit(rule, { separator })}
                options={separators.map((separator) => ({
                  value: separator,
                  label: separator === '' ? t('numbering.noSeparator') : separator,
                }))}
                aria-label={t('numbering.separator')}
                data-testid="numbering-separator"
              />
            ),
          },
          {
            title: t('numbering.sequenceWidth'),
            key: 'sequenceWidth',
            width: 96,
            render: (_, rule) => (
              <InputNumber
                size="small"
                min={sequenceWidthRange.min}
                max={sequenceWidthRange.max}
                precision={0}
                value={rule.sequenceWidth}
                onChange={(width) => width !== null && edit(rule, { sequenceWidth: width })}
                style={{ width: '100%' }}
                aria-label={t('numbering.sequenceWidth')}
                data-testid="numbering-width"
              />
            ),
          },
          {
            title: t('numbering.reset'),
            key: 'reset',
            width: 100,
            render: (_, rule) => (
              <Select
                size="small"
                value={rule.reset}
                style={{ width: '100%' }}
                onChange={(reset) => edit(rule, { reset })}
                options={numberResets.map((reset) => ({
                  value: reset,
                  label: t(`numbering.resets.${reset}`),
                }))}
                aria-label={t('numbering.reset')}
                data-testid="numbering-reset"
              />
            ),
          },
          {
            title: t('numbering.suffix'),
            key: 'suffix',
            width: 90,
            render: (_, rule) => (
              <Input
                size="small"
                value={rule.suffix}
                maxLength={8}
                status={codeLike.test(rule.suffix) ? undefined : 'error'}
                onChange={(event) => edit(rule, { suffix: event.target.value })}
                aria-label={t('numbering.suffix')}
                data-testid="numbering-suffix"
              />
            ),
          },
          {
            title: (
              <Tooltip title={t('numbering.exampleHelp')}>
                <span>{t('numbering.example')}</span>
              </Tooltip>
            ),
            key: 'example',
            width: 190,
            render: (_, rule) => (
              <Typography.Text code data-testid="numbering-example">
                {formatDocumentNumber(rule, today, exampleSequence)}
              </Typography.Text>
            ),
          },
          {
            key: 'save',
            width: 90,
            render: (_, rule) => {
              const stored = saved(rule.documentType);
              const changed = stored !== undefined && !sameRule(stored, rule);
              return (
                <Button
                  size="small"
                  type={changed ? 'primary' : 'default'}
                  icon={<SaveOutlined />}
                  disabled={!changed || (saving !== null && saving !== rule.documentType)}
                  loading={saving === rule.documentType}
                  onClick={() => void saveRow(rule)}
                  data-testid="numbering-save"
                >
                  {t('numbering.save')}
                </Button>
              );
            },
          },
        ]}
      />
    </Card>
  );
}

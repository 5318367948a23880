import { DollarOutlined } from '@ant-design/icons';
import { Button, ConfigProvider, Flex, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiOutput } from '../../../shared/api';
import { contractInForce } from '../../../shared/contracts/contract-status';
import { describeRebateTerm } from '../../../shared/contracts/rebate-wording';
import { useApiQuery } from '../../api/useApi';
import { LoadFailure } from '../../components/LoadFailure';
import { usePermission } from '../../session/usePermission';
import type { ContractView } from './contractDraft';
import { percentFromBp, quantityText, quantityWithUnit, yuanText } from './contractFigures';
import { denseTable } from '../../components/list/denseTable';
import { SettlementDialog } from './SettlementDialog';
import { SettlementList } from './SettlementList';
import { DateInput } from '../../components/form/DateInput';

type Execution = ApiOutput<'contracts.execution'>;
type ExecutionLine = Execution['lines'][number];
type TermOutcome = Execution['terms'][number];

const conditionColors = { met: 'green', pending: 'gold', failed: 'red' } as const;

/**
 * 执行情况: per goods or category (and, opened, per month) what was signed and shipped, completion against
 * the whole signed volume and against the target to date, the forecast at this pace; per rebate term the
 * volume it counts, the gap to its next tier and what it has earned; then the settlements.
 */
export function ContractExecution({
  view,
  quantityDecimals,
}: {
  view: ContractView;
  quantityDecimals: number;
}) {
  const { t } = useTranslation();
  const maySettle = usePermission('contracts.settle');
  const [asOf, setAsOf] = useState<Dayjs | null>(null);
  const [settling, setSettling] = useState(false);
  const inForce = contractInForce.includes(view.status);
  const execution = useApiQuery(
    'contracts.execution',
    { id: view.id, ...(asOf ? { asOf: asOf.format('YYYY-MM-DD') } : {}) },
    { enabled: inForce },
  );

  if (!inForce)
    return <Typography.Text type="secondary">{t('contracts.execution.notInForce')}</Typography.Text>;
  if (execution.error && !execution.data)
    return <LoadFailure error={execution.error} onRetry={() => void execution.refetch()} />;
  const data = execution.data;
  const quantity = (value: number) => quantityText(value, quantityDecimals);

  const lineColumns: TableColumnsType<ExecutionLine> = [
    { key: 'label', title: t('contracts.execution.target'), dataIndex: 'label', ellipsis: true },
    { key: 'unit', title: t('contracts.execution.unit'), dataIndex: 'unitName', width: 60 },
    ...(
      [
        ['signed', 'signed'],
        ['actual', 'actual'],
        ['proRated', 'proRated'],
        ['forecast', 'forecast'],
      ] as const
    ).map(([key, field]) => ({
      key,
      title: t(`contracts.execution.${key}`),
      width: 120,
      align: 'right' as const,
      render: (_: unknown, line: ExecutionLine) => quantity(line[field]),
    })),
    {
      key: 'completion',
      title: t('contracts.execution.completion'),
      width: 100,
      align: 'right',
      render: (_, line) => <span data-testid="execution-completion">{line.completion ?? '—'}</span>,
    },
    {
      key: 'completionToDate',
      title: t('contracts.execution.completionToDate'),
      width: 120,
      align: 'right',
      render: (_, line) => line.completionToDate ?? '—',
    },
  ];

  const termColumns: TableColumnsType<TermOutcome> = [
    {
      key: 'term',
      title: t('contracts.execution.term'),
      render: (_, outcome) => describeRebateTerm(outcome.term, quantityDecimals),
    },
    {
      key: 'quantity',
      title: t('contracts.execution.termQuantity'),
      width: 110,
      align: 'right',
      render: (_, outcome) => quantityWithUnit(outcome.quantity, quantityDecimals, outcome.term.unitName),
    },
    {
      key: 'amount',
      title: t('contracts.execution.termAmount'),
      width: 130,
      align: 'right',
      // A purchase contract's amounts are cost figures, left out for whoever may not see cost.
      render: (_, outcome) => (outcome.amount === null ? '—' : yuanText(outcome.amount)),
    },
    {
      key: 'next',
      title: t('contracts.execution.nextTier'),
      width: 150,
      render: (_, outcome) =>
        outcome.next
          ? t('contracts.execution.nextTierText', {
              gap: quantityWithUnit(outcome.next.gap, quantityDecimals, outcome.term.unitName),
              rate: percentFromBp(outcome.next.rateBp),
            })
          : outcome.term.kind === 'per_unit'
            ? ''
            : t('contracts.execution.topTier'),
    },
    {
      key: 'condition',
      title: t('contracts.execution.condition'),
      width: 150,
      render: (_, outcome) =>
        outcome.condition.text && (
          <Tag color={conditionColors[outcome.condition.state]} style={{ whiteSpace: 'normal' }}>
            {outcome.condition.text}
          </Tag>
        ),
    },
    {
      key: 'earned',
      title: t('contracts.execution.earned'),
      width: 110,
      align: 'right',
      render: (_, outcome) => <span data-testid="execution-term-earned">{yuanText(outcome.earned)}</span>,
    },
  ];

  return (
    <Flex vertical gap={12} data-testid="contract-execution">
      <Flex gap={12} align="center" wrap>
        <Typography.Text>{t('contracts.execution.asOf')}</Typography.Text>
        <DateInput value={asOf} onChange={setAsOf} placeholder={data?.asOf} style={{ width: 140 }} />
        {data && (
          <>
            <Typography.Text type="secondary">
              {t('contracts.execution.elapsed', { elapsed: data.elapsedDays, total: data.totalDays })}
            </Typography.Text>
            <Typography.Text strong data-testid="execution-totals">
              {t('contracts.execution.totals', {
                earned: yuanText(data.earned),
                paid: yuanText(data.paid),
                unpaid: yuanText(data.unpaid),
              })}
            </Typography.Text>
          </>
        )}
        {maySettle && (
          <Button
            type="primary"
            icon={<DollarOutlined />}
            onClick={() => setSettling(true)}
            style={{ marginInlineStart: 'auto' }}
            data-testid="contract-settle"
          >
            {t('contracts.settlement.settle')}
          </Button>
        )}
      </Flex>
      <ConfigProvider theme={denseTable}>
        <Table<ExecutionLine>
          size="small"
          bordered
          rowKey="lineId"
          loading={execution.isFetching}
          pagination={false}
          dataSource={data?.lines ?? []}
          columns={lineColumns}
          locale={{ emptyText: t('contracts.execution.none') }}
          expandable={{
            expandedRowRender: (line) => <MonthTable line={line} quantityDecimals={quantityDecimals} />,
          }}
          data-testid="execution-lines"
        />
        <Table<TermOutcome>
          size="small"
          bordered
          rowKey="index"
          pagination={false}
          dataSource={data?.terms ?? []}
          columns={termColumns}
          locale={{ emptyText: t('contracts.rebate.none') }}
          data-testid="execution-terms"
        />
      </ConfigProvider>
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('contracts.settlement.history')}
      </Typography.Title>
      <SettlementList view={view} />
      {settling && <SettlementDialog view={view} onClose={() => setSettling(false)} />}
    </Flex>
  );
}

/** A target's months: signed and shipped side by side, the months of the period in order. */
function MonthTable({ line, quantityDecimals }: { line: ExecutionLine; quantityDecimals: number }) {
  const { t } = useTranslation();
  return (
    <Table<ExecutionLine['months'][number]>
      size="small"
      rowKey="month"
      pagination={false}
      dataSource={line.months}
      style={{ maxWidth: 480 }}
      columns={[
        { key: 'month', title: t('contracts.execution.month'), dataIndex: 'month', width: 100 },
        {
          key: 'signed',
          title: t('contracts.execution.signed'),
          align: 'right',
          render: (_, month) => quantityText(month.signed, quantityDecimals),
        },
        {
          key: 'actual',
          title: t('contracts.execution.actual'),
          align: 'right',
          render: (_, month) => quantityText(month.actual, quantityDecimals),
        },
      ]}
    />
  );
}

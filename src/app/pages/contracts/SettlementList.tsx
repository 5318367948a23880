import { App, Button, ConfigProvider, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from '../../api/ClientContext';
import { ReasonDialog, type ReasonAnswer } from '../../components/document/ReasonDialog';
import { usePermission } from '../../session/usePermission';
import type { ContractView } from './contractDraft';
import { yuanText } from './contractFigures';
import { denseTable } from '../../components/list/denseTable';
import { localTime } from '../../components/format/localTime';

type Settlement = ContractView['settlements'][number];

/** 结算记录: each settlement, newest first, what it paid and how; the latest in force can be reversed. */
export function SettlementList({ view }: { view: ContractView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useClient();
  const maySettle = usePermission('contracts.settle');
  const [reversing, setReversing] = useState<Settlement | null>(null);
  const latestInForce = view.settlements.find((settlement) => !settlement.reversed) ?? null;

  const unsettle = async ({ reason, businessDate }: ReasonAnswer) => {
    if (!reversing) return;
    try {
      await client.call('contracts.unsettle', { settlementId: reversing.id, reason, businessDate });
      void message.success(t('contracts.settlement.unsettled'));
      setReversing(null);
    } catch (error) {
      void message.error(error instanceof Error ? error.message : String(error));
    }
  };

  const money = (field: 'earned' | 'paidBefore' | 'amount') => (_: unknown, settlement: Settlement) =>
    yuanText(settlement[field]);

  return (
    <>
      <ConfigProvider theme={denseTable}>
        <Table<Settlement>
          size="small"
          bordered
          rowKey="id"
          pagination={false}
          dataSource={view.settlements}
          locale={{ emptyText: t('contracts.settlement.none') }}
          data-testid="contract-settlements"
          rowClassName={(settlement) => (settlement.reversed ? 'contract-settlement-reversed' : '')}
          columns={[
            {
              key: 'kind',
              title: t('contracts.settlement.kind'),
              width: 100,
              render: (_, settlement) => (
                <>
                  {t(`contracts.settlement.kinds.${settlement.kind}`)}
                  {settlement.reversed && (
                    <Tag color="red" style={{ marginInlineStart: 4 }}>
                      {t('contracts.settlement.reversed')}
                    </Tag>
                  )}
                </>
              ),
            },
            {
              key: 'through',
              title: t('contracts.settlement.throughDate'),
              width: 100,
              dataIndex: 'throughDate',
            },
            {
              key: 'earned',
              title: t('contracts.settlement.earned'),
              width: 110,
              align: 'right',
              render: money('earned'),
            },
            {
              key: 'paidBefore',
              title: t('contracts.settlement.paidBefore'),
              width: 110,
              align: 'right',
              render: money('paidBefore'),
            },
            {
              key: 'amount',
              title: t('contracts.settlement.amount'),
              width: 110,
              align: 'right',
              render: money('amount'),
            },
            {
              key: 'payout',
              title: t('contracts.settlement.payout'),
              width: 70,
              render: (_, settlement) => t(`contracts.settlement.payouts.${settlement.payout}`),
            },
            {
              key: 'document',
              title: t('contracts.settlement.document'),
              width: 150,
              dataIndex: 'documentNumber',
            },
            {
              key: 'createdBy',
              title: t('contracts.settlement.createdBy'),
              render: (_, settlement) =>
                settlement.reversed
                  ? `${settlement.createdByName} ${localTime(settlement.createdAt)} / ${settlement.reversedByName ?? ''}：${settlement.reverseReason ?? ''}`
                  : `${settlement.createdByName} ${localTime(settlement.createdAt)}`,
              ellipsis: true,
            },
            {
              key: 'unsettle',
              width: 80,
              render: (_, settlement) =>
                maySettle &&
                settlement.id === latestInForce?.id && (
                  <Button
                    size="small"
                    danger
                    onClick={() => setReversing(settlement)}
                    data-testid="settlement-unsettle"
                  >
                    {t('contracts.settlement.unsettle')}
                  </Button>
                ),
            },
          ]}
        />
      </ConfigProvider>
      <ReasonDialog
        open={reversing !== null}
        title={t('contracts.settlement.unsettleTitle')}
        help={t('contracts.settlement.unsettleHelp')}
        askDate
        okText={t('contracts.settlement.unsettle')}
        onOk={unsettle}
        onCancel={() => setReversing(null)}
      />
    </>
  );
}

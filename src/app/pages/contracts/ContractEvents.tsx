import { ConfigProvider, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ContractView } from './contractDraft';
import { denseTable } from '../../components/list/denseTable';
import { localTime } from '../../components/format/localTime';

type ContractEvent = ContractView['events'][number];

/** 操作记录: every step the contract took, who took it and when, oldest first. */
export function ContractEvents({ view }: { view: ContractView }) {
  const { t } = useTranslation();
  const status = (value: ContractEvent['fromStatus']) => (value ? t(`contracts.statuses.${value}`) : '');
  return (
    <ConfigProvider theme={denseTable}>
      <Table<ContractEvent>
        size="small"
        bordered
        rowKey="id"
        pagination={false}
        dataSource={view.events}
        locale={{ emptyText: t('contracts.events.none') }}
        data-testid="contract-events"
        columns={[
          { key: 'action', title: t('contracts.events.action'), width: 100, dataIndex: 'actionLabel' },
          {
            key: 'from',
            title: t('contracts.events.from'),
            width: 90,
            render: (_, event) => status(event.fromStatus),
          },
          {
            key: 'to',
            title: t('contracts.events.to'),
            width: 90,
            render: (_, event) => status(event.toStatus),
          },
          { key: 'actor', title: t('contracts.events.actor'), width: 110, dataIndex: 'actorName' },
          { key: 'at', title: t('contracts.events.at'), width: 170, dataIndex: 'at', render: localTime },
          { key: 'note', title: t('contracts.events.note'), dataIndex: 'note', ellipsis: true },
        ]}
      />
    </ConfigProvider>
  );
}

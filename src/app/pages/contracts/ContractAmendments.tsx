import { PlusOutlined } from '@ant-design/icons';
import { App, Button, ConfigProvider, Flex, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from '../../api/ClientContext';
import { usePermission } from '../../session/usePermission';
import { AmendmentDialog } from './AmendmentDialog';
import type { ContractView } from './contractDraft';
import { denseTable } from '../../components/list/denseTable';
import { localTime } from '../../components/format/localTime';

type Amendment = ContractView['amendments'][number];

const amendmentColors: Record<Amendment['status'], string> = {
  draft: 'gold',
  approved: 'green',
  voided: 'red',
};

/** 补充协议: the numbered changes to the contract since it was approved, and the one awaiting a decision. */
export function ContractAmendments({
  view,
  canPropose,
  quantityDecimals,
}: {
  view: ContractView;
  canPropose: boolean;
  quantityDecimals: number;
}) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const client = useClient();
  const mayApprove = usePermission('contracts.approve');
  const [proposing, setProposing] = useState(false);

  const decide = async (amendment: Amendment, decision: 'approve' | 'void') => {
    try {
      await client.call('contracts.decideAmendment', { amendmentId: amendment.id, decision });
      void message.success(
        t(decision === 'approve' ? 'contracts.amendments.approved' : 'contracts.amendments.rejected'),
      );
    } catch (error) {
      void message.error(error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <Flex vertical gap={8}>
      {canPropose && (
        <Button
          icon={<PlusOutlined />}
          style={{ alignSelf: 'flex-start' }}
          onClick={() => setProposing(true)}
          data-testid="contract-amend"
        >
          {t('contracts.amendments.propose')}
        </Button>
      )}
      <ConfigProvider theme={denseTable}>
        <Table<Amendment>
          size="small"
          bordered
          rowKey="id"
          pagination={false}
          dataSource={view.amendments}
          locale={{ emptyText: t('contracts.amendments.none') }}
          data-testid="contract-amendments"
          columns={[
            {
              key: 'no',
              title: t('contracts.amendments.no'),
              width: 60,
              dataIndex: 'amendmentNo',
              align: 'center',
            },
            { key: 'reason', title: t('contracts.amendments.reason'), dataIndex: 'reason', ellipsis: true },
            {
              key: 'status',
              title: t('contracts.amendments.status'),
              width: 100,
              render: (_, amendment) => (
                <Tag color={amendmentColors[amendment.status]}>
                  {t(`contracts.amendments.statuses.${amendment.status}`)}
                </Tag>
              ),
            },
            {
              key: 'createdBy',
              title: t('contracts.amendments.createdBy'),
              width: 190,
              render: (_, amendment) => `${amendment.createdByName} ${localTime(amendment.createdAt)}`,
            },
            {
              key: 'approvedBy',
              title: t('contracts.amendments.approvedBy'),
              width: 190,
              render: (_, amendment) =>
                amendment.approvedByName ? `${amendment.approvedByName} ${amendment.approvedAt ?? ''}` : '',
            },
            {
              key: 'decide',
              width: 130,
              render: (_, amendment) =>
                mayApprove &&
                amendment.status === 'draft' && (
                  <Flex gap={4}>
                    <Button size="small" type="primary" onClick={() => void decide(amendment, 'approve')}>
                      {t('contracts.amendments.approve')}
                    </Button>
                    <Button
                      size="small"
                      danger
                      onClick={() =>
                        modal.confirm({
                          title: t('contracts.amendments.rejectConfirm', { no: amendment.amendmentNo }),
                          okButtonProps: { danger: true },
                          okText: t('contracts.amendments.reject'),
                          onOk: () => decide(amendment, 'void'),
                        })
                      }
                    >
                      {t('contracts.amendments.reject')}
                    </Button>
                  </Flex>
                ),
            },
          ]}
        />
      </ConfigProvider>
      {proposing && (
        <AmendmentDialog
          view={view}
          quantityDecimals={quantityDecimals}
          onClose={() => setProposing(false)}
        />
      )}
    </Flex>
  );
}

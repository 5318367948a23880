import { CheckOutlined, DownloadOutlined, ImportOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  ConfigProvider,
  DatePicker,
  Flex,
  Modal,
  Select,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiOutput } from '../../../shared/api';
import { useClient } from '../../api/ClientContext';
import { useApiQuery } from '../../api/useApi';
import { ImportWizard } from '../../components/import/ImportWizard';
import { LoadFailure } from '../../components/LoadFailure';
import { useAvailableHeight } from '../../components/list/useAvailableHeight';
import { saveBase64File } from '../../files/saveBase64File';
import { usePermission } from '../../session/usePermission';
import { ContractSettingsPanel } from './ContractSettingsPanel';
import { contractTiers, type ChannelTier } from './contractTiers';
import { denseTable } from '../../components/list/denseTable';
import { WorkCalendarPanel } from './WorkCalendarPanel';
import { DateInput } from '../../components/form/DateInput';

type BoardRow = ApiOutput<'contracts.signingBoard'>[number];
type SigningState = BoardRow['state'];

const stateColors: Record<SigningState, string> = {
  not_received: 'default',
  received: 'blue',
  import_overdue: 'red',
  imported: 'green',
  imported_late: 'orange',
};

/**
 * 签约进度: each office's signing table for the year — when it was signed, received and imported, against
 * the working-day deadlines — with the template to send out and the import of what comes back. Beside it,
 * what each tier's contract must contain, the tiers' standard rebate policy and the working calendar.
 */
export function SigningBoardPage() {
  const { t } = useTranslation();
  const mayEditSettings = usePermission('settings.edit');
  return (
    <Tabs
      size="small"
      data-testid="signing-board-page"
      items={[
        { key: 'board', label: t('page.signingBoard'), children: <SigningBoard /> },
        {
          key: 'settings',
          label: t('contracts.signing.settings'),
          children: <ContractSettingsPanel editable={mayEditSettings} />,
        },
        {
          key: 'calendar',
          label: t('contracts.signing.calendar'),
          children: <WorkCalendarPanel editable={mayEditSettings} />,
        },
      ]}
    />
  );
}

function SigningBoard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useClient();
  const mayEdit = usePermission('contracts.edit');
  const [year, setYear] = useState<Dayjs>(() => dayjs().startOf('year'));
  const [tier, setTier] = useState<ChannelTier>('dealer');
  const [receiving, setReceiving] = useState<BoardRow | null>(null);
  const [receivedOn, setReceivedOn] = useState<Dayjs>(() => dayjs());
  const [importing, setImporting] = useState(false);
  const tableArea = useRef<HTMLDivElement>(null);
  const tableHeight = useAvailableHeight(tableArea, 40);
  const board = useApiQuery('contracts.signingBoard', { year: year.year() });

  const failed = (error: unknown) =>
    void message.error(error instanceof Error ? error.message : String(error));

  const recordReceived = async () => {
    if (!receiving) return;
    try {
      await client.call('contracts.tableReceived', {
        officeId: receiving.officeId,
        year: year.year(),
        receivedOn: receivedOn.format('YYYY-MM-DD'),
      });
      void message.success(t('contracts.signing.received'));
      setReceiving(null);
    } catch (error) {
      failed(error);
    }
  };

  const downloadTemplate = async (row: BoardRow) => {
    try {
      saveBase64File(
        await client.call('contracts.signingTemplate', { officeId: row.officeId, year: year.year(), tier }),
      );
    } catch (error) {
      failed(error);
    }
  };

  const columns: TableColumnsType<BoardRow> = [
    {
      key: 'office',
      title: t('contracts.signing.office'),
      ellipsis: true,
      render: (_, row) => `${row.officeCode} ${row.officeName}`,
    },
    {
      key: 'state',
      title: t('contracts.signing.state'),
      width: 110,
      render: (_, row) => (
        <Tag color={stateColors[row.state]} data-testid="signing-state">
          {t(`contracts.signing.states.${row.state}`)}
        </Tag>
      ),
    },
    { key: 'signedOn', title: t('contracts.signedOn'), width: 100, dataIndex: 'signedOn' },
    {
      key: 'submitBy',
      title: t('contracts.signing.submitBy'),
      width: 100,
      render: (_, row) => (
        <Typography.Text type={row.submittedLate ? 'danger' : undefined}>{row.submitBy}</Typography.Text>
      ),
    },
    { key: 'receivedOn', title: t('contracts.signing.receivedOn'), width: 100, dataIndex: 'receivedOn' },
    { key: 'importBy', title: t('contracts.signing.importBy'), width: 110, dataIndex: 'importBy' },
    { key: 'importedOn', title: t('contracts.signing.importedOn'), width: 100, dataIndex: 'importedOn' },
    {
      key: 'contracts',
      title: t('contracts.signing.contracts'),
      width: 70,
      align: 'right',
      dataIndex: 'contracts',
    },
    {
      key: 'actions',
      width: 210,
      render: (_, row) => (
        <Flex gap={4}>
          {mayEdit && row.importedOn === null && (
            <Button
              size="small"
              icon={<CheckOutlined />}
              onClick={() => {
                setReceivedOn(dayjs());
                setReceiving(row);
              }}
              data-testid="signing-record-received"
            >
              {t('contracts.signing.recordReceived')}
            </Button>
          )}
          <Button size="small" icon={<DownloadOutlined />} onClick={() => void downloadTemplate(row)}>
            {t('contracts.signing.template')}
          </Button>
        </Flex>
      ),
    },
  ];

  if (board.error && !board.data)
    return <LoadFailure error={board.error} onRetry={() => void board.refetch()} />;

  return (
    <div data-testid="signing-board">
      <Flex gap={8} align="center" wrap style={{ marginBottom: 8 }}>
        <DatePicker
          picker="year"
          value={year}
          allowClear={false}
          onChange={(value) => value && setYear(value)}
          aria-label={t('contracts.signing.year')}
          style={{ width: 110 }}
        />
        <Typography.Text type="secondary">{t('contracts.signing.tier')}</Typography.Text>
        <Select<ChannelTier>
          value={tier}
          onChange={setTier}
          options={contractTiers.map((option) => ({
            value: option,
            label: t(`counterparty.tiers.${option}`),
          }))}
          style={{ width: 130 }}
        />
        {mayEdit && (
          <Button
            type="primary"
            icon={<ImportOutlined />}
            onClick={() => setImporting(true)}
            data-testid="signing-import"
          >
            {t('contracts.signing.import')}
          </Button>
        )}
      </Flex>
      <div ref={tableArea}>
        <ConfigProvider theme={denseTable}>
          <Table<BoardRow>
            size="small"
            bordered
            rowKey="officeId"
            columns={columns}
            dataSource={board.data ?? []}
            loading={board.isFetching}
            pagination={false}
            scroll={{ x: 1000, y: tableHeight - 40 }}
            locale={{ emptyText: t('contracts.signing.none') }}
          />
        </ConfigProvider>
      </div>
      <Modal
        open={receiving !== null}
        title={`${t('contracts.signing.recordReceived')} · ${receiving?.officeName ?? ''}`}
        onOk={() => void recordReceived()}
        onCancel={() => setReceiving(null)}
        destroyOnHidden
      >
        <Flex gap={8} align="center">
          <Typography.Text>{t('contracts.signing.receivedOn')}</Typography.Text>
          <DateInput
            value={receivedOn}
            allowClear={false}
            onChange={(value) => value && setReceivedOn(value)}
          />
        </Flex>
      </Modal>
      <ImportWizard
        entity="signingTable"
        title="contracts.signing.tableNoun"
        open={importing}
        onClose={() => setImporting(false)}
      />
    </div>
  );
}

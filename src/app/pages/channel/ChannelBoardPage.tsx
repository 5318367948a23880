import { CheckOutlined, DownloadOutlined, ImportOutlined, InboxOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  ConfigProvider,
  DatePicker,
  Flex,
  Modal,
  Segmented,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiOutput } from '../../../shared/api';
import { reportKinds, type DeadlineState, type ReportKind } from '../../../shared/channel/channel-report';
import { useClient } from '../../api/ClientContext';
import { useApiQuery } from '../../api/useApi';
import { ImportWizard } from '../../components/import/ImportWizard';
import { LoadFailure } from '../../components/LoadFailure';
import { useAvailableHeight } from '../../components/list/useAvailableHeight';
import { saveBase64File } from '../../files/saveBase64File';
import { usePermission } from '../../session/usePermission';
import { denseTable } from '../../components/list/denseTable';

type Board = ApiOutput<'channelReports.board'>;
type OfficeRow = Board['offices'][number];
type Cell = OfficeRow['cells'][number];

const stateColors: Record<DeadlineState, string> = {
  missing: 'red',
  received: 'blue',
  on_time: 'green',
  late: 'orange',
  imported_late: 'gold',
  not_due: 'default',
};

/**
 * 报表进度: each office's channel report for each week (or month) against its deadlines on the working-day
 * calendar — in on time, late and by how long, missing, imported late — what each office reported
 * (version, lines, review), the template to send out prefilled, and the import of what comes back. Without
 * a range it shows the last period due: on Monday, the week just ended.
 */
export function ChannelBoardPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useClient();
  const mayImport = usePermission('channel.import');
  const mayReview = usePermission('channel.review');
  const [kind, setKind] = useState<ReportKind>('weekly');
  const [range, setRange] = useState<[Dayjs, Dayjs] | null>(null);
  const [importing, setImporting] = useState(false);
  const [receiving, setReceiving] = useState<{ office: OfficeRow; cell: Cell } | null>(null);
  const [receivedAt, setReceivedAt] = useState<Dayjs>(() => dayjs());
  const tableArea = useRef<HTMLDivElement>(null);
  const tableHeight = useAvailableHeight(tableArea, 40);
  const board = useApiQuery('channelReports.board', {
    kind,
    ...(range ? { from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') } : {}),
  });

  const failed = (error: unknown) =>
    void message.error(error instanceof Error ? error.message : String(error));
  const run = async (work: () => Promise<unknown>, done?: string) => {
    try {
      await work();
      if (done) void message.success(done);
    } catch (error) {
      failed(error);
    }
  };

  const periods = board.data?.periods ?? [];
  const columns: TableColumnsType<OfficeRow> = [
    {
      key: 'office',
      title: t('channel.board.office'),
      width: 150,
      fixed: 'left',
      render: (_, office) => (
        <Flex vertical gap={4}>
          <span>{`${office.officeCode} ${office.officeName}`}</span>
          <Button
            size="small"
            icon={<DownloadOutlined />}
            onClick={() =>
              void run(async () =>
                saveBase64File(
                  await client.call('channelReports.template', {
                    officeId: office.officeId,
                    kind,
                    day: periods.at(-1)?.start ?? dayjs().format('YYYY-MM-DD'),
                  }),
                ),
              )
            }
          >
            {t('channel.board.template')}
          </Button>
        </Flex>
      ),
    },
    ...periods.map((period, index) => ({
      key: period.start,
      title: period.label,
      width: 230,
      render: (_: unknown, office: OfficeRow) => {
        const cell = office.cells[index]!;
        return (
          <Flex vertical gap={2} data-testid={`board-cell-${office.officeCode}-${period.start}`}>
            <Flex gap={4} align="center" wrap>
              <Tag color={stateColors[cell.state]} data-testid="board-state">
                {t(`channel.states.${cell.state}`)}
              </Tag>
              {cell.lateBy && (
                <Typography.Text type="danger">
                  {t('channel.board.lateBy', { by: cell.lateBy })}
                </Typography.Text>
              )}
              {cell.importLateBy && (
                <Typography.Text type="warning">
                  {t('channel.board.importLateBy', { by: cell.importLateBy })}
                </Typography.Text>
              )}
            </Flex>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('channel.board.due', { submitBy: cell.submitBy, importBy: cell.importBy })}
            </Typography.Text>
            {cell.reportId !== null && (
              <Tooltip title={cell.fileName}>
                <Typography.Text style={{ fontSize: 12 }}>
                  {t('channel.board.report', {
                    version: cell.version,
                    lines: cell.lines,
                    status: t(`channel.statuses.${cell.status ?? 'imported'}`),
                  })}
                  {cell.reviewedBy && ` · ${cell.reviewedBy} ${cell.reviewedAt ?? ''}`}
                </Typography.Text>
              </Tooltip>
            )}
            <Flex gap={4}>
              {mayImport && cell.receivedAt === null && (
                <Button
                  size="small"
                  icon={<InboxOutlined />}
                  onClick={() => {
                    setReceivedAt(dayjs());
                    setReceiving({ office, cell });
                  }}
                >
                  {t('channel.board.recordReceived')}
                </Button>
              )}
              {mayReview && cell.reportId !== null && cell.status === 'imported' && (
                <Button
                  size="small"
                  icon={<CheckOutlined />}
                  onClick={() =>
                    void run(
                      () => client.call('channelReports.review', { id: cell.reportId! }),
                      t('channel.board.reviewed'),
                    )
                  }
                  data-testid="board-review"
                >
                  {t('channel.board.review')}
                </Button>
              )}
            </Flex>
          </Flex>
        );
      },
    })),
  ];

  if (board.error && !board.data)
    return <LoadFailure error={board.error} onRetry={() => void board.refetch()} />;

  return (
    <div data-testid="channel-board">
      <Flex gap={8} align="center" wrap style={{ marginBottom: 8 }}>
        <Segmented<ReportKind>
          value={kind}
          onChange={setKind}
          options={reportKinds.map((option) => ({ value: option, label: t(`channel.kinds.${option}`) }))}
          data-testid="board-kind"
        />
        <DatePicker.RangePicker
          value={range}
          onChange={(value) => setRange(value && value[0] && value[1] ? [value[0], value[1]] : null)}
          placeholder={[t('channel.board.lastDue'), t('channel.board.lastDue')]}
          data-testid="board-range"
        />
        {mayImport && (
          <Button
            type="primary"
            icon={<ImportOutlined />}
            onClick={() => setImporting(true)}
            data-testid="board-import"
          >
            {t('channel.board.import')}
          </Button>
        )}
      </Flex>
      <div ref={tableArea}>
        <ConfigProvider theme={denseTable}>
          <Table<OfficeRow>
            size="small"
            bordered
            rowKey="officeId"
            columns={columns}
            dataSource={board.data?.offices ?? []}
            loading={board.isFetching}
            pagination={false}
            scroll={{ x: 150 + periods.length * 230, y: tableHeight - 40 }}
            locale={{ emptyText: t('channel.board.none') }}
          />
        </ConfigProvider>
      </div>
      <Modal
        open={receiving !== null}
        title={`${t('channel.board.recordReceived')} · ${receiving?.office.officeName ?? ''}`}
        onOk={() =>
          void run(async () => {
            if (!receiving) return;
            await client.call('channelReports.received', {
              officeId: receiving.office.officeId,
              kind,
              day: receiving.cell.periodStart,
              receivedAt: receivedAt.format('YYYY-MM-DD HH:mm'),
            });
            setReceiving(null);
          }, t('channel.board.received'))
        }
        onCancel={() => setReceiving(null)}
        destroyOnHidden
      >
        {/* What is typed counts as typed: no second OK inside the picker before the dialog's own. */}
        <DatePicker
          showTime={{ format: 'HH:mm' }}
          format="YYYY-MM-DD HH:mm"
          needConfirm={false}
          value={receivedAt}
          allowClear={false}
          onChange={(v) => v && setReceivedAt(v)}
        />
      </Modal>
      <ImportWizard
        entity="channelReport"
        title="channel.board.reportNoun"
        open={importing}
        onClose={() => setImporting(false)}
      />
    </div>
  );
}

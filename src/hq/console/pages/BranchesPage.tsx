import { Card, Flex, Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import {
  consoleApiPaths,
  type BranchOverview,
  type OverviewAnswer,
} from '../../../shared/hq-console/console-api';
import { useConsoleQuery } from '../api/useConsoleQuery';
import { FlagTags } from '../components/FlagTags';
import { LoadFailure } from '../components/LoadFailure';
import { useBranchDrill } from '../drill/useBranchDrill';
import { lagText, shanghaiTime } from '../format/time';
import { zh } from '../text/zh-CN';

const t = zh.branches;

function gapsText(branch: BranchOverview): string {
  if (branch.gaps.length === 0) return t.none;
  return branch.gaps.map((gap) => `${zh.sections[gap.section]} ${gap.label}`).join('；');
}

function columnsOf(openDrill: (code: string) => void): ColumnsType<BranchOverview> {
  return [
    {
      key: 'branch',
      title: t.name,
      render: (_, b) => (
        <Flex vertical>
          <Typography.Link onClick={() => openDrill(b.code)} data-testid={`branch-${b.code}`}>
            {b.name}
          </Typography.Link>
          <Typography.Text type="secondary">{b.code}</Typography.Text>
        </Flex>
      ),
    },
    { key: 'status', title: t.status, render: (_, b) => <FlagTags flags={b.flags} /> },
    {
      key: 'lastUpload',
      title: t.lastUpload,
      render: (_, b) =>
        b.lastUploadAt ? (
          <Flex vertical>
            <span>{shanghaiTime(b.lastUploadAt)}</span>
            <Typography.Text type="secondary">{lagText(b.lagHours ?? 0)}</Typography.Text>
          </Flex>
        ) : (
          <Typography.Text type="secondary">{t.never}</Typography.Text>
        ),
    },
    {
      key: 'latestPeriod',
      title: t.latestPeriod,
      render: (_, b) => b.latestPeriod?.key ?? '—',
    },
    {
      key: 'position',
      title: t.position,
      render: (_, b) => (b.packages > 0 ? t.positionValue(b.epoch, b.lastSeq) : '—'),
    },
    { key: 'gaps', title: t.gaps, render: (_, b) => gapsText(b) },
    {
      key: 'rejections',
      title: t.rejections,
      align: 'right',
      render: (_, b) =>
        b.latestRejection ? (
          <Tooltip title={t.latestRejection(shanghaiTime(b.latestRejection.at), b.latestRejection.message)}>
            <Typography.Text type={b.flags.includes('rejected') ? 'danger' : undefined} underline>
              {b.rejections}
            </Typography.Text>
          </Tooltip>
        ) : (
          b.rejections
        ),
    },
  ];
}

/** 分支: every registered branch, when it last uploaded, and what needs looking at. */
export function BranchesPage() {
  const drill = useBranchDrill();
  const overview = useConsoleQuery<OverviewAnswer>(consoleApiPaths.overview);
  if (overview.error) return <LoadFailure error={overview.error} onRetry={() => void overview.refetch()} />;
  const data = overview.data;
  return (
    <Card
      title={zh.nav.branches}
      extra={
        data && (
          <Typography.Text type="secondary">
            {t.asOf(shanghaiTime(data.asOf))} · {t.lagThreshold(data.lagThresholdHours)}
          </Typography.Text>
        )
      }
    >
      <Table<BranchOverview>
        size="middle"
        loading={overview.isPending}
        columns={columnsOf(drill.open)}
        dataSource={data?.branches ?? []}
        rowKey={(b) => b.code}
        pagination={false}
        data-testid="branches-table"
        expandable={{
          rowExpandable: (b) => b.latestRejection !== null,
          expandedRowRender: (b) =>
            b.latestRejection && (
              <Typography.Text type="danger">
                {t.latestRejection(shanghaiTime(b.latestRejection.at), b.latestRejection.message)}
              </Typography.Text>
            ),
        }}
      />
    </Card>
  );
}

import { Flex, Typography } from 'antd';
import { useState } from 'react';
import type { MonthRange, SummaryAnswer } from '../../../shared/hq-console/console-api';
import { useConsoleQuery } from '../api/useConsoleQuery';
import { useBranchDrill } from '../drill/useBranchDrill';
import type { FigureColumn } from '../summaries/figureColumn';
import type { GoodsKeyRow, ReportConfig, SummaryKeyRow } from '../summaries/reportConfigs';
import { zh } from '../text/zh-CN';
import { FigureTable } from './FigureTable';
import { GoodsTable } from './GoodsTable';
import { LoadFailure } from './LoadFailure';
import { MonthRangeFilter } from './MonthRangeFilter';

/**
 * A summary by branch × month × category with its month filter and export — all branches on its page,
 * or one branch in the drill-down, where a row opens onto its goods.
 */
export function SummaryView<Row extends SummaryKeyRow, Goods extends GoodsKeyRow>(props: {
  config: ReportConfig<Row, Goods>;
  /** One branch: no branch column, rows expand to goods. */
  branch?: { code: string; name: string };
}) {
  const { config, branch } = props;
  const drill = useBranchDrill();
  const [asked, setAsked] = useState<MonthRange | null>(null);
  const answer = useConsoleQuery<SummaryAnswer<Row>>(config.path, {
    from: asked?.from,
    to: asked?.to,
    branch: branch?.code,
  });
  if (answer.error) return <LoadFailure error={answer.error} onRetry={() => void answer.refetch()} />;
  const data = answer.data;
  const rows = data?.rows ?? [];
  const range = asked ?? data?.range ?? null;

  const keyColumns: FigureColumn<Row>[] = [
    ...(branch
      ? []
      : [
          {
            key: 'branch',
            title: zh.summary.branch,
            width: 20,
            kind: 'text',
            value: (row: Row) => (row.branchCode ? `${row.branchName}（${row.branchCode}）` : ''),
            link: (row: Row) => (row.branchCode ? () => drill.open(row.branchCode) : null),
          } satisfies FigureColumn<Row>,
        ]),
    { key: 'month', title: zh.summary.month, width: 10, kind: 'text', value: (row) => row.month },
    { key: 'category', title: zh.summary.category, width: 14, kind: 'text', value: (row) => row.category },
  ];
  const rangeText = range ? `${range.from}～${range.to}` : '';
  const fileName = `${config.title}${branch ? `-${branch.code}` : ''}-${rangeText || '全部'}.xlsx`;

  return (
    <Flex vertical gap={8}>
      <FigureTable<Row>
        testId={`summary-${config.report}${branch ? `-${branch.code}` : ''}`}
        columns={[...keyColumns, ...config.figures]}
        rows={rows}
        rowKey={(row) => `${row.branchCode}|${row.month}|${row.category}`}
        total={rows.length > 0 ? config.total(rows) : undefined}
        loading={answer.isPending}
        exportAs={{ fileName, sheetName: config.title }}
        toolbar={
          <Flex align="center" gap={12} wrap>
            <MonthRangeFilter value={range} onChange={setAsked} />
            <Typography.Text type="secondary">
              {data?.available
                ? zh.summary.available(data.available.from, data.available.to)
                : data && zh.summary.nothingHeld}
            </Typography.Text>
          </Flex>
        }
        expandable={
          branch
            ? {
                expandedRowRender: (row) => (
                  <GoodsTable
                    config={config}
                    branch={branch.code}
                    month={row.month}
                    category={row.category}
                  />
                ),
              }
            : undefined
        }
      />
      <Typography.Text type="secondary">
        {branch ? `${config.note}${zh.drill.hint}。` : config.note}
      </Typography.Text>
    </Flex>
  );
}

import { consoleApiPaths, type GoodsAnswer } from '../../../shared/hq-console/console-api';
import { useConsoleQuery } from '../api/useConsoleQuery';
import type { FigureColumn } from '../summaries/figureColumn';
import type { GoodsKeyRow, ReportConfig, SummaryKeyRow } from '../summaries/reportConfigs';
import { zh } from '../text/zh-CN';
import { FigureTable } from './FigureTable';
import { LoadFailure } from './LoadFailure';

function goodsColumns<Goods extends GoodsKeyRow>(figures: FigureColumn<Goods>[]): FigureColumn<Goods>[] {
  return [
    { key: 'code', title: zh.goods.code, width: 14, kind: 'text', value: (row) => row.code },
    { key: 'name', title: zh.goods.name, width: 24, kind: 'text', value: (row) => row.name },
    { key: 'spec', title: zh.goods.spec, width: 12, kind: 'text', value: (row) => row.spec || null },
    { key: 'quantity', title: zh.goods.quantity, width: 14, kind: 'quantity', value: (row) => row.quantity },
    { key: 'unit', title: zh.goods.unit, width: 8, kind: 'text', value: (row) => row.baseUnit || null },
    ...figures,
  ];
}

/** The goods behind one row of a branch's summary: a month and a category. */
export function GoodsTable<Row extends SummaryKeyRow, Goods extends GoodsKeyRow>(props: {
  config: ReportConfig<Row, Goods>;
  branch: string;
  month: string;
  category: string;
}) {
  const { config, branch, month, category } = props;
  const goods = useConsoleQuery<GoodsAnswer<Goods>>(consoleApiPaths.goods(branch), {
    report: config.report,
    month,
    category,
  });
  if (goods.error) return <LoadFailure error={goods.error} onRetry={() => void goods.refetch()} />;
  return (
    <FigureTable<Goods>
      columns={goodsColumns(config.goodsFigures)}
      rows={goods.data?.rows ?? []}
      rowKey={(row) => row.goodsUid}
      loading={goods.isPending}
      testId={`goods-${month}-${category}`}
    />
  );
}

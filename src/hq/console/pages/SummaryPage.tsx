import { Card } from 'antd';
import { SummaryView } from '../components/SummaryView';
import type { GoodsKeyRow, ReportConfig, SummaryKeyRow } from '../summaries/reportConfigs';

/** 库存汇总 or 销售汇总 over every branch; a branch's name opens its drill-down. */
export function SummaryPage<Row extends SummaryKeyRow, Goods extends GoodsKeyRow>(props: {
  config: ReportConfig<Row, Goods>;
}) {
  return (
    <Card title={props.config.title}>
      <SummaryView config={props.config} />
    </Card>
  );
}

import type { ReportColumn } from '../../components/report/reportConfig';

type GoodsRow = { goodsCode: string; goodsName: string; goodsSpec: string };

/** What every per-goods report starts with: the goods, pinned while the figures scroll sideways. */
export function goodsColumns<Row extends GoodsRow>(): ReportColumn<Row>[] {
  return [
    { key: 'goodsCode', title: 'reports.columns.goodsCode', width: 110, fixed: true },
    { key: 'goodsName', title: 'reports.columns.goodsName', width: 180, fixed: true },
    { key: 'goodsSpec', title: 'reports.columns.goodsSpec', width: 100 },
  ];
}

export function warehouseColumn<Row extends { warehouseName: string }>(): ReportColumn<Row> {
  return { key: 'warehouseName', title: 'reports.columns.warehouseName', width: 110 };
}

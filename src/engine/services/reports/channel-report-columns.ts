import type { activityVerification } from '../channel/activity-verification';
import type { daysOfStock } from '../channel/days-of-stock';
import type { netShipments } from '../channel/net-shipments';
import type { twoSources } from '../channel/two-sources';
import { column } from './report-columns';
import type { ReportColumn } from './report-table';

/** The columns the channel reports (services/channel/) leave as files and print with. */

/** Who and what a row is about, alike in every channel report. */
interface Named {
  officeName: string;
  customerCode: string;
  customerName: string;
  goodsCode: string;
  goodsName: string;
  unitName: string;
}
const office = <Row extends Named>() => column<Row>('officeName', '办事处', 12);
const customer = <Row extends Named>() => [
  column<Row>('customerCode', '客户编码', 10),
  column<Row>('customerName', '客户名称', 18),
];
const goods = <Row extends Named>() => [
  column<Row>('goodsCode', '商品编码', 10),
  column<Row>('goodsName', '商品名称', 16),
  column<Row>('unitName', '单位', 6),
];

type NetRow = ReturnType<typeof netShipments>['rows'][number];
export const netShipmentColumns: ReportColumn<NetRow>[] = [
  { ...column<NetRow>('name', '名称', 26), value: (row) => `${'　'.repeat(row.depth)}${row.name}` },
  column('tierLabel', '渠道类型', 10),
  column('officeName', '办事处', 12),
  column('goodsCode', '商品编码', 10),
  column('goodsName', '商品名称', 16),
  column('unitName', '单位', 6),
  column('opening', '期初库存', 10, 'quantity'),
  column('purchases', '进货', 10, 'quantity'),
  column('closing', '实地库存', 10, 'quantity'),
  column('inTransit', '在途库存', 10, 'quantity'),
  column('net', '净出货量', 10, 'quantity'),
  column('channelNet', '净出货量(含下级)', 14, 'quantity'),
];

type DaysRow = ReturnType<typeof daysOfStock>['rows'][number];
export const daysOfStockColumns: ReportColumn<DaysRow>[] = [
  office<DaysRow>(),
  ...customer<DaysRow>(),
  column('tierLabel', '渠道类型', 10),
  ...goods<DaysRow>(),
  column('closing', '实地库存', 10, 'quantity'),
  column('annualSigned', '年签约量', 10, 'quantity'),
  column('daysToConsume', '库存消化天数', 12, 'quantity'),
  column('consumeBandLabel', '消化区间', 10),
  column('weeklyNet', '近4周周均净出货', 14, 'quantity'),
  column('daysOfCover', '可售天数', 10, 'quantity'),
  column('coverBandLabel', '可售区间', 10),
];

type SourcesRow = ReturnType<typeof twoSources>['rows'][number];
export const twoSourcesColumns: ReportColumn<SourcesRow>[] = [
  column('periodLabel', '期间', 24),
  office<SourcesRow>(),
  ...customer<SourcesRow>(),
  ...goods<SourcesRow>(),
  column('system', '本公司出货', 12, 'quantity'),
  column('reported', '客户报进货', 12, 'quantity'),
  column('difference', '差异', 10, 'quantity'),
  column('differencePercent', '差异率(%)', 10, 'quantity'),
];

type ActivityRow = ReturnType<typeof activityVerification>['rows'][number];
export const activityColumns: ReportColumn<ActivityRow>[] = [
  office<ActivityRow>(),
  ...customer<ActivityRow>(),
  ...goods<ActivityRow>(),
  column('opening', '期初库存', 10, 'quantity'),
  column('purchases', '进货', 10, 'quantity'),
  column('closing', '实地库存', 10, 'quantity'),
  column('net', '净出货量', 10, 'quantity'),
  column('delivered', '本公司出货', 12, 'quantity'),
  column('weeksReported', '已报周数', 8, 'integer'),
  column('weeksMissing', '缺报周数', 8, 'integer'),
];

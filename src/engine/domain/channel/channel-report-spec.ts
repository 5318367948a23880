import { reportKindLabels } from '../../../shared/channel/channel-report';
import type { EntitySpec } from '../master-data/field-spec';

/**
 * 进销存动态表: what an office collects from each channel customer for a week or a month (DOMAIN.md §9) —
 * one row per customer × goods: opening stock, purchases, stock counted on site, stock in transit. The
 * template the branch sends fills in the office, the period and its contracted customers and goods
 * (channel/report-template.ts); an office's own layout with a title and a two-row header reads as well.
 */
export const channelReportSpec: EntitySpec = {
  entity: 'channelReport',
  label: '进销存动态表',
  fields: [
    {
      key: 'office',
      label: '办事处',
      type: 'text',
      required: true,
      synonyms: ['办事处名称', '办事处编码', '所属办事处'],
      example: '东城办',
      width: 10,
    },
    {
      key: 'reportKind',
      label: '报表类型',
      type: 'enum',
      required: true,
      synonyms: ['类型', '周报/月报'],
      options: reportKindLabels,
      example: '周报',
      width: 8,
    },
    {
      key: 'period',
      label: '报表期间',
      type: 'text',
      required: true,
      synonyms: ['期间', '周次', '月份', '报表周期', '统计期间'],
      note: '周报写该周任一天（如 2026-03-02）或 2026-W10、2026年第10周；月报写 2026-03 或 2026年3月',
      example: '2026-03-02',
      width: 12,
    },
    {
      key: 'customerCode',
      label: '客户编码',
      type: 'text',
      required: true,
      synonyms: ['客户代码', '编码'],
      example: 'KH301',
      width: 10,
    },
    {
      key: 'customerName',
      label: '客户名称',
      type: 'text',
      synonyms: ['客户', '单位名称'],
      note: '只用于核对：与编码对应的客户名称不同时提示',
      width: 16,
    },
    {
      key: 'goodsCode',
      label: '商品编码',
      type: 'text',
      required: true,
      synonyms: ['货号', '品项编码'],
      example: 'SP001',
      width: 10,
    },
    {
      key: 'goodsName',
      label: '商品名称',
      type: 'text',
      synonyms: ['品名', '商品'],
      note: '只用于核对',
      width: 16,
    },
    {
      key: 'unitName',
      label: '单位',
      type: 'text',
      required: true,
      synonyms: ['计量单位'],
      example: '箱',
      width: 6,
    },
    {
      key: 'opening',
      label: '期初库存',
      type: 'ratio',
      required: true,
      synonyms: ['期初', '上期库存', '库存期初', '期初数'],
      note: '应等于上期的实地库存；不等时提示两个数',
      example: '20',
      width: 10,
    },
    {
      key: 'purchases',
      label: '本期进货',
      type: 'ratio',
      required: true,
      synonyms: ['进货', '本周进货', '本月进货', '进货量', '本期进货量', '进货数量'],
      example: '30',
      width: 10,
    },
    {
      key: 'closing',
      label: '实地库存',
      type: 'ratio',
      required: true,
      synonyms: ['期末', '期末库存', '库存期末', '实盘库存', '盘点库存', '实际库存'],
      example: '18',
      width: 10,
    },
    {
      key: 'inTransit',
      label: '在途库存',
      type: 'ratio',
      synonyms: ['在途', '库存在途', '在途数量'],
      example: '0',
      width: 10,
    },
  ],
};

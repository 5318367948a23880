import type { EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { chartNumber } from '../../components/chart/chartNumber';
import { EChart } from '../../components/chart/EChart';
import { defineReport, type ReportColumn, type ReportOutput } from '../../components/report/reportConfig';

/**
 * 进销存动态's figures (DOMAIN.md §9): what the offices' channel reports say once imported — net shipments up
 * the channel tree, days of stock, the branch's deliveries beside the customers' reported purchases, and a
 * promotion's weeks. Each shows, above its table, the chart a manager would rather look at.
 */

const common = {
  goodsCode: { key: 'goodsCode', title: 'channel.columns.goodsCode', width: 100 },
  goodsName: { key: 'goodsName', title: 'channel.columns.goodsName', width: 150 },
  unitName: { key: 'unitName', title: 'channel.columns.unitName', width: 60 },
  officeName: { key: 'officeName', title: 'channel.columns.officeName', width: 100 },
  customerCode: { key: 'customerCode', title: 'channel.columns.customerCode', width: 100 },
  customerName: { key: 'customerName', title: 'channel.columns.customerName', width: 160 },
} satisfies Record<string, ReportColumn<Record<string, unknown>>>;

const quantity = (key: string, title: ReportColumn<unknown>['title'], width = 100) => ({
  key,
  title,
  width,
  figure: 'quantity' as const,
});

/** Net shipments per period, a bar per goods: how the channel sells through, week by week. */
function NetShipmentsChart({ report }: { report: ReportOutput<'channelNetShipments'> }) {
  const { t } = useTranslation();
  const option = useMemo<EChartsCoreOption>(() => {
    const periods = [...new Set(report.series.map((point) => point.periodLabel))];
    const goods = [...new Set(report.series.map((point) => point.goodsName))];
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 16, top: 32, bottom: 24 },
      xAxis: { type: 'category', data: periods },
      yAxis: { type: 'value', name: t('channel.columns.net') },
      series: goods.map((name) => ({
        name,
        type: 'bar',
        data: periods.map((label) =>
          chartNumber(report.series.find((p) => p.goodsName === name && p.periodLabel === label)?.net),
        ),
      })),
    };
  }, [report, t]);
  if (report.series.length === 0) return null;
  return <EChart option={option} testId="chart-net-shipments" />;
}

export const channelNetShipmentsReport = defineReport({
  name: 'channelNetShipments',
  title: 'page.reportChannelNetShipments',
  filters: ['reportKind', 'period', 'groupBy'],
  groupings: [
    { value: 'customer', label: 'channel.groupings.customer' },
    { value: 'office', label: 'channel.groupings.office' },
    { value: 'tier', label: 'channel.groupings.tier' },
  ],
  input: ({ reportKind, from, to, groupBy }) => ({
    kind: reportKind,
    from,
    to,
    groupBy: groupBy as 'customer' | 'office' | 'tier',
  }),
  rowKey: (row) => `${row.name}@${row.goodsCode}`,
  heading: (report) => <NetShipmentsChart report={report} />,
  columns: () => [
    // The channel tree: each customer indented under the one it buys from.
    {
      key: 'name',
      title: 'channel.columns.name',
      width: 220,
      render: (row) => <span style={{ paddingInlineStart: row.depth * 16 }}>{row.name}</span>,
    },
    { key: 'tierLabel', title: 'channel.columns.tierLabel', width: 90 },
    common.officeName,
    common.goodsCode,
    common.goodsName,
    common.unitName,
    quantity('opening', 'channel.columns.opening'),
    quantity('purchases', 'channel.columns.purchases'),
    quantity('closing', 'channel.columns.closing'),
    quantity('inTransit', 'channel.columns.inTransit'),
    quantity('net', 'channel.columns.net'),
    quantity('channelNet', 'channel.columns.channelNet', 130),
  ],
});

/** Days of cover by customer, against the bands: under 7 days short, over 30 too much stock. */
function DaysOfStockChart({ report }: { report: ReportOutput<'channelDaysOfStock'> }) {
  const { t } = useTranslation();
  const option = useMemo<EChartsCoreOption>(() => {
    const rows = report.rows.filter((row) => row.daysOfCover !== null || row.daysToConsume !== null);
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 16, top: 32, bottom: 24 },
      xAxis: { type: 'category', data: rows.map((row) => `${row.customerName} ${row.goodsName}`) },
      yAxis: { type: 'value', name: t('channel.days') },
      series: [
        {
          name: t('channel.columns.daysOfCover'),
          type: 'bar',
          data: rows.map((row) => chartNumber(row.daysOfCover)),
          markLine: {
            silent: true,
            symbol: 'none',
            data: [{ yAxis: 7 }, { yAxis: 30 }],
          },
        },
        {
          name: t('channel.columns.daysToConsume'),
          type: 'bar',
          data: rows.map((row) => chartNumber(row.daysToConsume)),
        },
      ],
    };
  }, [report, t]);
  if (report.rows.length === 0) return null;
  return <EChart option={option} testId="chart-days-of-stock" />;
}

export const channelDaysOfStockReport = defineReport({
  name: 'channelDaysOfStock',
  title: 'page.reportChannelDaysOfStock',
  filters: ['reportKind', 'asOf'],
  input: ({ reportKind, asOf }) => ({ kind: reportKind, day: asOf }),
  rowKey: (row) => `${row.customerCode}@${row.goodsCode}`,
  heading: (report) => <DaysOfStockChart report={report} />,
  columns: () => [
    common.officeName,
    common.customerCode,
    common.customerName,
    { key: 'tierLabel', title: 'channel.columns.tierLabel', width: 90 },
    common.goodsCode,
    common.goodsName,
    common.unitName,
    quantity('closing', 'channel.columns.closing'),
    quantity('annualSigned', 'channel.columns.annualSigned'),
    quantity('daysToConsume', 'channel.columns.daysToConsume', 110),
    {
      key: 'consumeBandLabel',
      title: 'channel.columns.consumeBandLabel',
      width: 100,
      render: (row) => (row.consumeBand ? <BandText band={row.consumeBand} /> : null),
    },
    quantity('weeklyNet', 'channel.columns.weeklyNet', 130),
    quantity('daysOfCover', 'channel.columns.daysOfCover'),
    {
      key: 'coverBandLabel',
      title: 'channel.columns.coverBandLabel',
      width: 100,
      render: (row) => (row.coverBand ? <BandText band={row.coverBand} /> : null),
    },
  ],
});

/** A band in the reader's language, red where stock runs short, orange where it lingers. */
function BandText({ band }: { band: 'short' | 'normal' | 'long' }) {
  const { t } = useTranslation();
  const color = band === 'short' ? '#cf1322' : band === 'long' ? '#d46b08' : undefined;
  return <span style={{ color }}>{t(`channel.bands.${band}`)}</span>;
}

/** The branch's deliveries beside the purchases the customers reported, period by period. */
function TwoSourcesChart({ report }: { report: ReportOutput<'channelTwoSources'> }) {
  const { t } = useTranslation();
  const option = useMemo<EChartsCoreOption>(() => {
    const periods = [...new Set(report.rows.map((row) => row.periodLabel))];
    const sum = (label: string, pick: (row: (typeof report.rows)[number]) => string | null) =>
      report.rows
        .filter((row) => row.periodLabel === label)
        .reduce((s, row) => s + chartNumber(pick(row)), 0);
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 16, top: 32, bottom: 24 },
      xAxis: { type: 'category', data: periods },
      yAxis: { type: 'value' },
      series: [
        { name: t('channel.columns.system'), type: 'bar', data: periods.map((p) => sum(p, (r) => r.system)) },
        {
          name: t('channel.columns.reported'),
          type: 'bar',
          data: periods.map((p) => sum(p, (r) => r.reported)),
        },
      ],
    };
  }, [report, t]);
  if (report.rows.length === 0) return null;
  return <EChart option={option} testId="chart-two-sources" />;
}

export const channelTwoSourcesReport = defineReport({
  name: 'channelTwoSources',
  title: 'page.reportChannelTwoSources',
  filters: ['reportKind', 'period'],
  input: ({ reportKind, from, to }) => ({ kind: reportKind, from, to }),
  rowKey: (row) => `${row.periodStart}@${row.customerCode}@${row.goodsCode}`,
  heading: (report) => <TwoSourcesChart report={report} />,
  columns: () => [
    { key: 'periodLabel', title: 'channel.columns.periodLabel', width: 200 },
    common.officeName,
    common.customerCode,
    common.customerName,
    common.goodsCode,
    common.goodsName,
    common.unitName,
    quantity('system', 'channel.columns.system'),
    quantity('reported', 'channel.columns.reported'),
    { ...quantity('difference', 'channel.columns.difference'), signed: true },
    { ...quantity('differencePercent', 'channel.columns.differencePercent'), signed: true },
  ],
});

/** 活动期间销量核准: a promotion's dates, every customer and goods the offices reported over them. */
export const channelActivityReport = defineReport({
  name: 'channelActivity',
  title: 'page.reportChannelActivity',
  filters: ['period'],
  input: ({ from, to }) => ({ from, to }),
  rowKey: (row) => `${row.customerCode}@${row.goodsCode}`,
  columns: () => [
    common.officeName,
    common.customerCode,
    common.customerName,
    common.goodsCode,
    common.goodsName,
    common.unitName,
    quantity('opening', 'channel.columns.opening'),
    quantity('purchases', 'channel.columns.purchases'),
    quantity('closing', 'channel.columns.closing'),
    quantity('net', 'channel.columns.net'),
    quantity('delivered', 'channel.columns.system'),
    { key: 'weeksReported', title: 'channel.columns.weeksReported', width: 80, figure: 'integer' },
    { key: 'weeksMissing', title: 'channel.columns.weeksMissing', width: 80, figure: 'integer' },
  ],
});

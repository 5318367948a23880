import { Card, Segmented } from 'antd';
import dayjs from 'dayjs';
import type { EChartsCoreOption } from 'echarts/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/useApi';
import { chartNumber } from '../../components/chart/chartNumber';
import { EChart } from '../../components/chart/EChart';
import { usePageAccess } from '../../workspace/usePageAccess';

type View = 'month' | 'office' | 'channelTier';

/** By month: the last twelve months, this one included. By office or tier: this year so far. */
function periodOf(view: View): { from: string; to: string } {
  const today = dayjs();
  const from = view === 'month' ? today.subtract(11, 'month').startOf('month') : today.startOf('year');
  return { from: from.format('YYYY-MM-DD'), to: today.endOf('month').format('YYYY-MM-DD') };
}

/**
 * 销售与毛利: the branch's sales and gross profit by month, office or channel tier, from 毛利分析 itself
 * (the same figures, the same cost rules); a click opens that report. Without cost rights the profit line
 * is not drawn — the engine does not send it.
 */
export function SalesCharts() {
  const { t } = useTranslation();
  const access = usePageAccess();
  const [view, setView] = useState<View>('month');
  const report = useApiQuery('reports.grossProfit', { ...periodOf(view), groupBy: view });

  const option = useMemo<EChartsCoreOption>(() => {
    const reported = report.data?.rows ?? [];
    // Twelve months on the axis, a month without sales at zero: a gap would read as a missing month.
    const rows =
      view === 'month'
        ? Array.from({ length: 12 }, (_, index) => {
            const month = dayjs(periodOf('month').from).add(index, 'month').format('YYYY-MM');
            const found = reported.find((row) => row.code === month);
            return { label: month, revenue: found?.revenue, grossProfit: found?.grossProfit };
          })
        : reported
            .filter((row) => chartNumber(row.revenue) !== 0)
            .map((row) => ({ label: row.name, revenue: row.revenue, grossProfit: row.grossProfit }));
    const withProfit = rows.some((row) => row.grossProfit !== undefined && row.grossProfit !== null);
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 64, right: 16, top: 32, bottom: 28 },
      xAxis: { type: 'category', data: rows.map((row) => row.label) },
      yAxis: { type: 'value', name: t('common.yuan') },
      series: [
        {
          name: t('workbench.revenue'),
          type: 'bar',
          data: rows.map((row) => chartNumber(row.revenue)),
        },
        ...(withProfit
          ? [
              {
                name: t('workbench.grossProfit'),
                type: view === 'month' ? 'line' : 'bar',
                data: rows.map((row) => chartNumber(row.grossProfit)),
              },
            ]
          : []),
      ],
    };
  }, [report.data, t, view]);

  return (
    <Card
      size="small"
      title={t('workbench.salesTitle')}
      data-testid="workbench-sales"
      extra={
        <Segmented<View>
          size="small"
          value={view}
          onChange={setView}
          options={[
            { value: 'month', label: t('workbench.byMonth') },
            { value: 'office', label: t('workbench.byOffice') },
            { value: 'channelTier', label: t('workbench.byTier') },
          ]}
        />
      }
    >
      <EChart
        option={option}
        height={240}
        testId="chart-sales"
        onClick={() => access.open('report-gross-profit')}
      />
    </Card>
  );
}

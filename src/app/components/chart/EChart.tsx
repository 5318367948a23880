import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import type { EChartsCoreOption } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only what the report charts draw: bars and lines on a grid, with tooltip, legend and a marked band.
echarts.use([
  BarChart,
  LineChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  CanvasRenderer,
]);

/**
 * An ECharts chart in a box of the given height and the width it is given; redrawn when the option
 * changes and when the box is resized (a workspace tab shown again, the window made narrower).
 */
export function EChart({
  option,
  height = 220,
  testId,
  onClick,
}: {
  option: EChartsCoreOption;
  height?: number;
  testId?: string;
  /** A click on a bar or point: the category it stands for (click-through to the report). */
  onClick?: (category: string) => void;
}) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const element = box.current!;
    const instance = echarts.init(element, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const resize = new ResizeObserver(() => instance.resize());
    resize.observe(element);
    return () => {
      resize.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  useEffect(() => {
    const instance = chart.current;
    if (!instance || !onClick) return;
    const clicked = (event: { name?: string }) => onClick(event.name ?? '');
    instance.on('click', clicked);
    return () => {
      instance.off('click', clicked);
    };
  }, [onClick]);

  return (
    <div
      ref={box}
      style={{ width: '100%', height, cursor: onClick ? 'pointer' : undefined }}
      data-testid={testId}
    />
  );
}

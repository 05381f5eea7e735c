import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { monthLabel } from '../months';
import type { MonthlyKpis } from '../types';

echarts.use([
  BarChart,
  LineChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  CanvasRenderer,
]);

/** Workstations and allocations (bars) with free share and occupancy (lines) against their targets. */
export function KpiChart({ months }: { months: readonly MonthlyKpis[] }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current, undefined, { renderer: 'canvas' });
    const minFree = Number(months[0]?.minFreeSharePct ?? 0);
    const minOcc = Number(months[0]?.minOccupancyPct ?? 0);
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 56, right: 64, top: 48, bottom: 28 },
      xAxis: { type: 'category', data: months.map((m) => monthLabel(m.month)) },
      yAxis: [
        { type: 'value', name: '工位（个）', minInterval: 1 },
        { type: 'value', name: '比例（%）', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      ],
      series: [
        {
          name: '在用工位',
          type: 'bar',
          data: months.map((m) => m.workstations),
          itemStyle: { color: '#bae0ff' },
        },
        {
          name: '已分配工位',
          type: 'bar',
          data: months.map((m) => m.allocated),
          itemStyle: { color: '#1677ff' },
        },
        {
          name: '免费工位占比',
          type: 'line',
          yAxisIndex: 1,
          data: months.map((m) => Number(m.freeSharePct)),
          itemStyle: { color: '#52c41a' },
          markLine: {
            symbol: 'none',
            label: { position: 'insideStartTop', formatter: `免费占比目标 ≥${minFree}%` },
            data: [{ yAxis: minFree }],
            lineStyle: { color: '#52c41a', type: 'dashed' },
          },
        },
        {
          name: '工位使用率',
          type: 'line',
          yAxisIndex: 1,
          data: months.map((m) => Number(m.occupancyPct)),
          itemStyle: { color: '#fa8c16' },
          markLine: {
            symbol: 'none',
            label: { position: 'insideStartTop', formatter: `使用率目标 ≥${minOcc}%` },
            data: [{ yAxis: minOcc }],
            lineStyle: { color: '#fa8c16', type: 'dashed' },
          },
        },
      ],
    });
    const onResize = () => chart.resize();
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      chart.dispose();
    };
  }, [months]);
  return <div ref={ref} role="img" aria-label="月度指标图表" style={{ width: '100%', height: 320 }} />;
}

import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'preact/hooks';
import { useI18n } from '../../app/i18n';
import { compactYuan, formatFen, formatMonth } from '../../format/format';
import type { MonthRow } from './report.reader';

// Loaded lazily on the report page only: ECharts, tree-shaken to the bar and line charts, grid, legend and
// tooltip on the canvas renderer. Content-Security-Policy: the canvas needs no inline style, and the tooltip
// renders as rich text on the canvas (its default HTML tooltip would carry style attributes that CSP blocks).
echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export default function ReportChart({ months }: { months: MonthRow[] }) {
  const { t, language } = useI18n();
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!host.current) return;
    const chart = echarts.init(host.current, undefined, { renderer: 'canvas', locale: language === 'zh-CN' ? 'ZH' : 'EN' });
    const names = { inflow: t('report.chart.inflow'), outflow: t('report.chart.outflow'), balance: t('report.chart.balance') };
    const fen = (v: unknown) => (typeof v === 'number' ? formatFen(v, language) : '—');
    chart.setOption({
      animation: false,
      aria: { enabled: false },
      grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
      legend: { top: 0 },
      tooltip: {
        trigger: 'axis',
        renderMode: 'richText',
        formatter: (items: Array<{ axisValueLabel: string; seriesName: string; value: unknown }>) =>
          [items[0]?.axisValueLabel ?? '', ...items.map((i) => `${i.seriesName}: ${fen(i.value)}`)].join('\n'),
      },
      xAxis: { type: 'category', data: months.map((m) => formatMonth(m.period, language)) },
      yAxis: { type: 'value', axisLabel: { formatter: (v: number) => compactYuan(v, language) } },
      series: [
        { name: names.inflow, type: 'bar', data: months.map((m) => m.inflow ?? null), itemStyle: { color: '#2e7d32' } },
        { name: names.outflow, type: 'bar', data: months.map((m) => m.outflow ?? null), itemStyle: { color: '#c62828' } },
        { name: names.balance, type: 'line', data: months.map((m) => m.balanceEnd ?? null), itemStyle: { color: '#0b5cad' }, symbolSize: 6 },
      ],
    });
    const resize = () => chart.resize();
    const observer = new ResizeObserver(resize);
    observer.observe(host.current);
    // Print: redraw at the printed width so the PDF gets the whole chart.
    addEventListener('beforeprint', resize);
    return () => {
      observer.disconnect();
      removeEventListener('beforeprint', resize);
      chart.dispose();
    };
  }, [months, language, t]);
  return <div ref={host} class="chart" role="img" aria-label={t('report.chart.title')} data-chart="cash-flow" />;
}

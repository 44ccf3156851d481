import type { Locale } from '../../core/org/types.js';
import { textsFor } from '../texts/texts-for.js';
import type { ChartImage } from './chart-image.js';
import { baseOption, COLORS, FONT, formatNumber } from './chart-style.js';
import { emptyChart } from './empty-chart.js';
import { renderChart } from './render-chart.js';

export type BarChartInput = {
  readonly title: string;
  /** Shown after each number: `%`, `小时`, `h`. */
  readonly unit: string;
  readonly bars: readonly { readonly label: string; readonly value: number }[];
  /** Labels drawn in the highlight colour (the reader's own bar, the worst one). */
  readonly highlight?: readonly string[];
  readonly locale: Locale;
  /** Replaces "本周没有数据" for another period. */
  readonly empty?: string;
};

/** Room per bar: a 16 px label and a bar a thumb can tell apart from its neighbours. */
const BAR_ROW = 44;
const FRAME = 110;

/**
 * Horizontal bars, one per label (per rep), in the given order, the number at each bar's end: names are long and
 * Chinese, so they read left of the bars rather than slanted under them.
 */
export function barChart(input: BarChartInput): ChartImage {
  if (input.bars.length === 0) return emptyChart(input.title, input.locale, input.empty);
  const texts = textsFor(input.locale).charts;
  const withUnit = (value: number) => valueWithUnit(formatNumber(value, input.locale), input.unit);
  const highlight = new Set(input.highlight ?? []);
  const option = {
    ...baseOption(input.title),
    grid: { left: 24, right: 96, top: 72, bottom: 24, containLabel: true },
    xAxis: { type: 'value', show: false, max: (extent: { max: number }) => Math.max(extent.max, 1) },
    yAxis: {
      type: 'category',
      inverse: true,
      data: input.bars.map((b) => b.label),
      axisTick: { show: false },
      axisLine: { lineStyle: { color: COLORS.line } },
      axisLabel: { fontSize: FONT.label, color: COLORS.text },
    },
    series: [
      {
        type: 'bar',
        barMaxWidth: 28,
        data: input.bars.map((b) => ({
          value: b.value,
          itemStyle: { color: highlight.has(b.label) ? COLORS.highlight : COLORS.accent, borderRadius: 4 },
        })),
        label: {
          show: true,
          position: 'right',
          fontSize: FONT.label,
          color: COLORS.text,
          formatter: (p: { value: number }) => withUnit(p.value),
        },
      },
    ],
  };
  const body = input.bars.map((b) => `${b.label} ${withUnit(b.value)}`).join(texts.separator);
  return renderChart(
    option,
    { height: FRAME + BAR_ROW * input.bars.length },
    texts.titled(input.title, body),
  );
}

/** `12%`, `3.5 小时`: a percent sign sticks to its number, a word does not. */
export function valueWithUnit(value: string, unit: string): string {
  if (!unit) return value;
  return unit === '%' ? `${value}%` : `${value} ${unit}`;
}

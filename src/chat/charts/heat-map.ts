import type { Locale } from '../../core/org/types.js';
import { textsFor } from '../texts/texts-for.js';
import type { ChartImage } from './chart-image.js';
import { baseOption, COLORS, FONT, formatNumber } from './chart-style.js';
import { emptyChart } from './empty-chart.js';
import { renderChart } from './render-chart.js';

export type HeatMapInput = {
  readonly title: string;
  /** Row labels, top to bottom (weekdays: `ChartTexts.weekdays`). */
  readonly rows: readonly string[];
  /** Column labels, left to right (hours). */
  readonly cols: readonly string[];
  /** `values[row][col]`; a missing cell counts as 0. */
  readonly values: readonly (readonly number[])[];
  readonly locale: Locale;
  readonly empty?: string;
};

const ROW = 44;
const FRAME = 150;

/**
 * The revisit heat map: follow-ups by weekday × hour, darker where there are more, with each non-zero count
 * written in its cell so no colour scale has to be read.
 */
export function heatMap(input: HeatMapInput): ChartImage {
  const cells = input.rows.flatMap((_, r) =>
    input.cols.map((_, c) => [c, r, input.values[r]?.[c] ?? 0] as const),
  );
  const total = cells.reduce((sum, cell) => sum + cell[2], 0);
  if (total <= 0) return emptyChart(input.title, input.locale, input.empty);
  const texts = textsFor(input.locale).charts;
  const peak = cells.reduce((best, cell) => (cell[2] > best[2] ? cell : best));
  const option = {
    ...baseOption(input.title),
    grid: { left: 24, right: 24, top: 72, bottom: 24, containLabel: true },
    // Every third hour is labelled: enough to place a cell, and each label drawn costs resvg about 1.5 ms.
    xAxis: { type: 'category', data: [...input.cols], axisTick: { show: false }, axisLabel: axisLabel(2) },
    yAxis: {
      type: 'category',
      inverse: true,
      data: [...input.rows],
      axisTick: { show: false },
      axisLabel: axisLabel(0),
    },
    visualMap: { show: false, min: 0, max: peak[2], inRange: { color: [COLORS.background, COLORS.accent] } },
    series: [
      {
        type: 'heatmap',
        data: cells.map((cell) => [...cell]),
        itemStyle: { borderColor: COLORS.line, borderWidth: 1 },
        label: {
          show: true,
          fontSize: 12,
          color: COLORS.text,
          formatter: (p: { value: readonly number[] }) => (p.value[2] ? String(p.value[2]) : ''),
        },
      },
    ],
  };
  const alt = texts.heatMapSummary(
    formatNumber(total, input.locale),
    input.rows[peak[1]] ?? '',
    input.cols[peak[0]] ?? '',
    formatNumber(peak[2], input.locale),
  );
  return renderChart(option, { height: FRAME + ROW * input.rows.length }, texts.titled(input.title, alt));
}

const axisLabel = (interval: number) => ({ fontSize: FONT.small, color: COLORS.muted, interval });

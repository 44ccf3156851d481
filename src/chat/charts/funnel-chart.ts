import type { Locale } from '../../core/org/types.js';
import { textsFor } from '../texts/texts-for.js';
import type { ChartImage } from './chart-image.js';
import { baseOption, COLORS, FONT, formatNumber } from './chart-style.js';
import { emptyChart } from './empty-chart.js';
import { renderChart } from './render-chart.js';

export type FunnelChartInput = {
  readonly title: string;
  /** In pipeline order, first stage first. */
  readonly stages: readonly { readonly name: string; readonly count: number }[];
  readonly locale: Locale;
  readonly empty?: string;
};

const STAGE_ROW = 64;
const FRAME = 100;

/**
 * The funnel: one band per stage, its width the stage's count, labelled with the count and the share of the stage
 * before it (stage-to-stage conversion), which is where a leak shows.
 */
export function funnelChart(input: FunnelChartInput): ChartImage {
  if (input.stages.every((s) => s.count <= 0)) return emptyChart(input.title, input.locale, input.empty);
  const texts = textsFor(input.locale).charts;
  const lines = input.stages.map((stage, i) => {
    const before = input.stages[i - 1]?.count;
    const rate = before ? formatNumber((stage.count / before) * 100, input.locale, 0) : undefined;
    return texts.funnelStage(
      stage.name,
      formatNumber(stage.count, input.locale),
      rate === undefined ? undefined : `${rate}%`,
    );
  });
  const option = {
    ...baseOption(input.title),
    series: [
      {
        type: 'funnel',
        sort: 'none',
        top: 72,
        bottom: 24,
        left: 24,
        width: '55%',
        minSize: '12%',
        gap: 4,
        data: input.stages.map((s, i) => ({ name: lines[i], value: s.count })),
        itemStyle: { color: COLORS.accent, borderWidth: 0 },
        label: { show: true, position: 'right', fontSize: FONT.label, color: COLORS.text },
        labelLine: { show: true, lineStyle: { color: COLORS.line } },
      },
    ],
  };
  const height = FRAME + STAGE_ROW * input.stages.length;
  return renderChart(option, { height }, texts.titled(input.title, lines.join(' → ')));
}

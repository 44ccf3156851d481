import type { Funnel, Heatmap, RepFigures } from '../../core/reports/index.js';
import { RECENCY_BUCKETS } from '../../core/reports/index.js';
import type { CardImage } from '../card.js';
import { barChart, funnelChart, heatMap } from '../charts/index.js';
import type { RenderContext } from './render-context.js';
import { hoursValue, percentValue } from './report-format.js';

// The report card's pictures from its figures; titles carry the scope, the charts put the numbers in the alt text.

/** One bar per labelled row (reps, teams, me vs the median): unfollowed rate and median response time. */
export function figureBars(
  rows: readonly { readonly label: string; readonly figures: Partial<RepFigures> }[],
  scope: string,
  ctx: RenderContext,
  highlight: readonly string[] = [],
): CardImage[] {
  const c = ctx.texts.report.charts;
  const empty = ctx.texts.report.empty.chart;
  const unfollowed = rows.map((row) => ({
    label: row.label,
    value: percentValue(row.figures.unfollowedRate ?? 0),
  }));
  // Who followed nothing up has no response time: left out of the bars, not drawn as zero (which reads as fast).
  const response = rows.flatMap((row) =>
    row.figures.responseMedianMs === undefined
      ? []
      : [{ label: row.label, value: hoursValue(row.figures.responseMedianMs) }],
  );
  const common = { highlight, locale: ctx.locale, empty };
  return [
    barChart({ title: `${c.unfollowedRate} · ${scope}`, unit: '%', bars: unfollowed, ...common }),
    barChart({ title: `${c.responseMedian} · ${scope}`, unit: c.hoursUnit, bars: response, ...common }),
  ];
}

/** The funnel over the open, quote and won stages (lost leads are told by their reasons, not as a band). */
export function funnelImage(funnel: Funnel | undefined, scope: string, ctx: RenderContext): CardImage[] {
  if (!funnel) return [];
  const stages = funnel.stages
    .filter((s) => s.kind !== 'lost')
    .map((s) => ({ name: s.name, count: s.reached }));
  const title = `${ctx.texts.report.charts.funnel} · ${scope}`;
  return [funnelChart({ title, stages, locale: ctx.locale, empty: ctx.texts.report.empty.chart })];
}

export const heatmapTotal = (heatmap: Heatmap): number =>
  heatmap.cells.reduce((sum, row) => sum + row.reduce((a, b) => a + b, 0), 0);

/** Follow-ups by weekday × hour; with `recency`, also the customers by days since their last follow-up. */
export function heatmapImages(
  heatmap: Heatmap | undefined,
  scope: string,
  ctx: RenderContext,
  recency = false,
): CardImage[] {
  if (!heatmap) return [];
  const c = ctx.texts.report.charts;
  const charts = ctx.texts.charts;
  const empty = ctx.texts.report.empty.chart;
  const cols = Array.from({ length: 24 }, (_, h) => charts.hour(h));
  const images = [
    heatMap({
      title: `${c.heatmap} · ${scope}`,
      rows: charts.weekdays,
      cols,
      values: heatmap.cells,
      locale: ctx.locale,
      empty,
    }),
  ];
  if (!recency) return images;
  const bars = RECENCY_BUCKETS.map((b) => ({
    label: ctx.texts.report.recency[b],
    value: heatmap.recency[b],
  }));
  return [
    ...images,
    barChart({
      title: `${c.recency} · ${scope}`,
      unit: '',
      bars: bars.some((b) => b.value > 0) ? bars : [],
      locale: ctx.locale,
      empty,
    }),
  ];
}

import type { RepFigures, ReportCardData } from '../../core/reports/index.js';
import { wallTimeOf } from '../../core/shared/zoned-time.js';
import type { RenderContext } from './render-context.js';
import { formatCount } from './summary-lines.js';

// The report card's numbers as people read them: rates in whole percents, times in hours and minutes, money in ¥.

const HOUR_MS = 3_600_000;

export const percent = (rate: number, ctx: Pick<RenderContext, 'locale'>): string =>
  `${new Intl.NumberFormat(ctx.locale, { maximumFractionDigits: 0 }).format(rate * 100)}%`;

/** A rate as a bar's value: percent with one decimal, so 12.5% and 12% are told apart. */
export const percentValue = (rate: number): number => Math.round(rate * 1000) / 10;

/** Hours with one decimal, a response time's bar. */
export const hoursValue = (ms: number): number => Math.round((ms / HOUR_MS) * 10) / 10;

export const money = (amount: number, ctx: Pick<RenderContext, 'locale'>): string =>
  `¥${formatCount(Math.round(amount), ctx)}`;

export const decimal = (n: number, ctx: Pick<RenderContext, 'locale'>): string =>
  new Intl.NumberFormat(ctx.locale, { maximumFractionDigits: 1 }).format(n);

export function responseText(ms: number | undefined, ctx: RenderContext): string {
  const r = ctx.texts.report;
  return ms === undefined ? r.noResponse : r.duration(ms);
}

/** "11月24日 – 11月30日": the period's first and last local day (its `to` is the next period's first instant). */
export function rangeText(data: ReportCardData, ctx: RenderContext): string {
  const zone = data.report.timeZone;
  const from = wallTimeOf(new Date(data.report.period.from), zone);
  const last = wallTimeOf(new Date(new Date(data.report.period.to).getTime() - 1), zone);
  return ctx.texts.report.range([from.month, from.day], [last.month, last.day]);
}

/** The headline: 分配 N · 未跟进率 x% · 响应中位 … · 成交 N / ¥…, what a manager reads first. */
export function headline(total: RepFigures, ctx: RenderContext): string {
  const r = ctx.texts.report;
  return [
    r.assigned(formatCount(total.assigned, ctx)),
    r.unfollowedRate(percent(total.unfollowedRate, ctx)),
    r.responseMedian(responseText(total.responseMedianMs, ctx)),
    r.won(formatCount(total.won, ctx), money(total.wonAmount, ctx)),
  ].join(' · ');
}

/** The figures under the headline: the slow tail, the effort, what was lost. */
export function detailFields(data: ReportCardData, total: RepFigures, ctx: RenderContext) {
  const f = ctx.texts.report.fields;
  const losses = (data.report.funnel?.lossReasons ?? [])
    .slice(0, 3)
    .map((l) => `${l.reason} ${formatCount(l.leads, ctx)}`)
    .join(' · ');
  return [
    { label: f.responseP90, value: responseText(total.responseP90Ms, ctx) },
    { label: f.followUpsPerLead, value: decimal(total.followUpsPerLead, ctx) },
    { label: f.conversion, value: percent(total.conversion, ctx) },
    { label: f.reclaims, value: formatCount(total.reclaims, ctx) },
    ...(losses ? [{ label: f.lossReasons, value: losses }] : []),
  ];
}

/**
 * The reps worst first: the highest unfollowed rate, then the slowest median response (none at all is slowest),
 * then the most leads. The digest exists to show who is not following up, so that is what the order answers.
 */
export function rankReps(reps: readonly RepFigures[]): RepFigures[] {
  const slow = (r: RepFigures) => r.responseMedianMs ?? Number.POSITIVE_INFINITY;
  return [...reps].sort(
    (a, b) => b.unfollowedRate - a.unfollowedRate || slow(b) - slow(a) || b.assigned - a.assigned,
  );
}

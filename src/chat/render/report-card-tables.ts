import type { ChannelFigures } from '../../core/reports/index.js';
import { barChart, tableImage } from '../charts/index.js';
import type { RenderContext } from './render-context.js';
import { emptyBody, type ReportView } from './report-card-views.js';
import { decimal, money, percent, percentValue } from './report-format.js';
import { formatCount } from './summary-lines.js';

/**
 * The channel card: per source and campaign, volume, follow-up rate, conversion, cost per lead and per win, as one
 * table image (a table in a chat card wraps column by column on a phone). The headline sums the sources, which
 * split the leads between them; campaigns overlap sources, so they are not added again.
 */
export const channelsView: ReportView = (data, scope, range, ctx) => {
  const channels = data.report.channels ?? [];
  const sources = channels.filter((c) => c.kind === 'source');
  const leads = sources.reduce((n, c) => n + c.leads, 0);
  if (channels.length === 0 || leads === 0) return emptyBody(ctx.texts.report.empty.channels(range));
  const r = ctx.texts.report;
  const won = sources.reduce((n, c) => n + c.won, 0);
  const amount = sources.reduce((n, c) => n + c.wonAmount, 0);
  const col = r.channelColumns;
  const cost = (value: number | undefined) => (value === undefined ? '—' : money(value, ctx));
  const image = tableImage({
    title: `${r.charts.channels} · ${scope}`,
    columns: [col.name, col.leads, col.followUpRate, col.conversion, col.costPerLead, col.costPerWin],
    rows: channels.map((c) => [
      channelName(c, ctx),
      c.leads,
      percent(c.followUpRate, ctx),
      percent(c.conversion, ctx),
      cost(c.costPerLead),
      cost(c.costPerWin),
    ]),
    locale: ctx.locale,
    empty: r.empty.chart,
  });
  return {
    status: [r.leads(formatCount(leads, ctx)), r.won(formatCount(won, ctx), money(amount, ctx))].join(' · '),
    fields: [],
    images: [image],
  };
};

/** "来源：官网", "活动：双11": known sources by their name in the reader's language, campaigns as entered. */
function channelName(c: ChannelFigures, ctx: RenderContext): string {
  const kind = ctx.texts.report.channelKinds[c.kind];
  const name = c.kind === 'source' ? (ctx.texts.lead.sources[c.name] ?? c.name) : c.name;
  return `${kind}：${name}`.replace('：', ctx.locale === 'en' ? ': ' : '：');
}

/** The after-sales card: complaints and the time to resolve them, then per staff member hours and overdue rate. */
export const afterSalesView: ReportView = (data, scope, range, ctx) => {
  const a = data.report.afterSales;
  if (!a || (a.complaints === 0 && a.staff.length === 0))
    return emptyBody(ctx.texts.report.empty.afterSales(range));
  const r = ctx.texts.report;
  const col = r.afterSales.columns;
  const empty = r.empty.chart;
  const status = [
    r.afterSales.complaints(formatCount(a.complaints, ctx)),
    r.afterSales.resolved(formatCount(a.resolved, ctx)),
    ...(a.meanHoursToResolve !== undefined
      ? [r.afterSales.meanToResolve(decimal(a.meanHoursToResolve, ctx))]
      : []),
  ].join(' · ');
  const table = tableImage({
    title: `${r.charts.staff} · ${scope}`,
    columns: [col.staff, col.tasks, col.reported, col.approved, col.overdueRate],
    rows: a.staff.map((s) => [
      s.assigneeName,
      s.tasks,
      decimal(s.reportedHours, ctx),
      decimal(s.approvedHours, ctx),
      percent(s.overdueRate, ctx),
    ]),
    locale: ctx.locale,
    empty,
  });
  const overdue = barChart({
    title: `${r.charts.overdueRate} · ${scope}`,
    unit: '%',
    bars: a.staff.map((s) => ({ label: s.assigneeName, value: percentValue(s.overdueRate) })),
    locale: ctx.locale,
    empty,
  });
  return { status, fields: [], images: a.staff.length ? [table, overdue] : [] };
};

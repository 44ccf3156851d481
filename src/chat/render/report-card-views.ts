import type { RepFigures, ReportCardData } from '../../core/reports/index.js';
import type { CardField, CardImage } from '../card.js';
import type { RenderContext } from './render-context.js';
import { figureBars, funnelImage, heatmapImages, heatmapTotal } from './report-charts.js';
import { decimal, detailFields, headline, money, percent, rankReps, responseText } from './report-format.js';
import { formatCount } from './summary-lines.js';

/** What one view puts in the card under its title. */
export type ReportCardBody = {
  readonly status: string;
  readonly fields: readonly CardField[];
  readonly markdown?: string;
  readonly images: readonly CardImage[];
};

/** One view's body from the card's data, its scope's name and its period's words. */
export type ReportView = (
  data: ReportCardData,
  scope: string,
  range: string,
  ctx: RenderContext,
) => ReportCardBody;

/** How many reps the card lists by line; the bar charts show every one. */
const LISTED_REPS = 10;

const hasLeads = (total: RepFigures | undefined): total is RepFigures => !!total && total.assigned > 0;

/** A team's card: the headline, the reps worst first (lines and bars), the funnel and the heat map. */
export const teamView: ReportView = (data, scope, range, ctx) => {
  const total = data.report.total;
  if (!hasLeads(total)) return emptyBody(ctx.texts.report.empty.leads(range));
  const r = ctx.texts.report;
  const ranked = rankReps(data.report.reps ?? []).filter((rep) => rep.assigned > 0);
  const lines = ranked
    .slice(0, LISTED_REPS)
    .map((rep, i) =>
      r.repLine(
        i + 1,
        rep.name ?? '',
        percent(rep.unfollowedRate, ctx),
        responseText(rep.responseMedianMs, ctx),
        formatCount(rep.won, ctx),
      ),
    );
  const worst = ranked[0] && ranked[0].unfollowedRate > 0 ? [ranked[0].name ?? ''] : [];
  const rows = ranked.map((rep) => ({ label: rep.name ?? '', figures: rep }));
  return {
    status: headline(total, ctx),
    fields: detailFields(data, total, ctx),
    ...(lines.length ? { markdown: [`**${r.rankedTitle}**`, ...lines].join('\n') } : {}),
    images: [
      ...figureBars(rows, scope, ctx, worst),
      ...funnelImage(data.report.funnel, scope, ctx),
      ...heatmapImages(data.report.heatmap, scope, ctx),
    ],
  };
};

/** A manager's teams or the director's org: the teams side by side (lines and bars), the funnel, the heat map. */
export const teamsView: ReportView = (data, scope, range, ctx) => {
  const total = data.report.total;
  if (!hasLeads(total)) return emptyBody(ctx.texts.report.empty.leads(range));
  const teams = data.teamTotals ?? [];
  const lines = teams.map((t) => `**${t.name}** — ${headline(t.total, ctx)}`);
  const rows = teams.map((t) => ({ label: t.name, figures: t.total }));
  return {
    status: headline(total, ctx),
    fields: detailFields(data, total, ctx),
    ...(lines.length ? { markdown: lines.join('\n') } : {}),
    images: [
      ...(rows.length > 0 ? figureBars(rows, scope, ctx) : []),
      ...funnelImage(data.report.funnel, scope, ctx),
      ...(data.view === 'org' ? heatmapImages(data.report.heatmap, scope, ctx) : []),
    ],
  };
};

/**
 * A rep's own card: their figures, each beside the team's median, and their own funnel. Only the rep's own row is
 * read (by `memberId`), so a colleague's name can never reach it, whatever the data holds.
 */
export const repView: ReportView = (data, scope, range, ctx) => {
  const mine = data.report.reps?.find((rep) => rep.memberId === data.memberId);
  if (!hasLeads(mine)) return emptyBody(ctx.texts.report.empty.leads(range));
  const r = ctx.texts.report;
  const m = data.report.teamMedians;
  const beside = (value: string, median: string | undefined) =>
    median === undefined ? value : r.besideMedian(value, median);
  const fields: CardField[] = [
    {
      label: r.charts.unfollowedRate,
      value: beside(percent(mine.unfollowedRate, ctx), m && percent(m.unfollowedRate, ctx)),
    },
    {
      label: r.charts.responseMedian,
      value: beside(responseText(mine.responseMedianMs, ctx), m && responseText(m.responseMedianMs, ctx)),
    },
    {
      label: r.fields.followUpsPerLead,
      value: beside(decimal(mine.followUpsPerLead, ctx), m && decimal(m.followUpsPerLead, ctx)),
    },
    {
      label: r.fields.conversion,
      value: beside(percent(mine.conversion, ctx), m && percent(m.conversion, ctx)),
    },
    {
      label: r.fields.reclaims,
      value: beside(formatCount(mine.reclaims, ctx), m && decimal(m.reclaims, ctx)),
    },
  ];
  const rows = [{ label: r.me, figures: mine }, ...(m ? [{ label: r.teamMedian, figures: m }] : [])];
  return {
    status: [
      r.assigned(formatCount(mine.assigned, ctx)),
      r.won(formatCount(mine.won, ctx), money(mine.wonAmount, ctx)),
    ].join(' · '),
    fields,
    images: [...figureBars(rows, scope, ctx, [r.me]), ...funnelImage(data.report.funnel, scope, ctx)],
  };
};

/** The heat map alone (`/report heatmap`): follow-ups by weekday × hour, and how long customers have waited. */
export const heatmapView: ReportView = (data, scope, range, ctx) => {
  const heatmap = data.report.heatmap;
  const total = heatmap ? heatmapTotal(heatmap) : 0;
  const waiting = heatmap ? Object.values(heatmap.recency).reduce((a, b) => a + b, 0) : 0;
  if (total === 0 && waiting === 0) return emptyBody(ctx.texts.report.empty.heatmap(range));
  return {
    status: ctx.texts.report.followUps(formatCount(total, ctx)),
    fields: [],
    images: heatmapImages(heatmap, scope, ctx, true),
  };
};

/** An empty period says so in words, with no charts drawn. */
export const emptyBody = (status: string): ReportCardBody => ({ status, fields: [], images: [] });

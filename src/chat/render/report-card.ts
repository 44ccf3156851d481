import type { ReportCardData, ReportCardView } from '../../core/reports/index.js';
import type { OutboundMessage } from '../card.js';
import type { RenderContext } from './render-context.js';
import { afterSalesView, channelsView } from './report-card-tables.js';
import { heatmapView, type ReportView, repView, teamsView, teamView } from './report-card-views.js';
import { rangeText } from './report-format.js';

/** The card's one button: a fresh dashboard sign-in link for the member who clicks (dashboard-command.ts). */
export const REPORT_CARD_ACTIONS = { openDashboard: 'dashboard.open' } as const;

const VIEWS: Readonly<Record<ReportCardView, ReportView>> = {
  team: teamView,
  teams: teamsView,
  org: teamsView,
  rep: repView,
  channels: channelsView,
  afterSales: afterSalesView,
  heatmap: heatmapView,
};

/**
 * The report card (`/report` and the weekly digest), drawn at delivery from the notice's figures for its reader:
 * the headline figures first (分配 · 未跟进率 · 响应中位 · 成交), then what the view shows, its charts as images
 * whose alt text carries their numbers. An empty period says so in words, with no empty charts.
 */
export function reportCard(data: ReportCardData, ctx: RenderContext): OutboundMessage {
  const range = rangeText(data, ctx);
  const scope = scopeName(data, ctx);
  const body = VIEWS[data.view](data, scope, range, ctx);
  return {
    card: {
      title: ctx.texts.report.title(what(data, ctx), scope, range),
      status: body.status,
      fields: body.fields,
      ...(body.markdown ? { markdown: body.markdown } : {}),
      ...(body.images.length ? { images: body.images } : {}),
      // 打开看板 carries no link: the click asks for one for whoever pressed it (the digest sits in a team channel).
      // The page opens on this week; it reads no period or team from its address.
      buttons: [
        { actionId: REPORT_CARD_ACTIONS.openDashboard, label: ctx.texts.dashboard.button, value: data.view },
      ],
    },
  };
}

function what(data: ReportCardData, ctx: RenderContext): string {
  const w = ctx.texts.report.what;
  if (data.view === 'channels' || data.view === 'afterSales' || data.view === 'heatmap') return w[data.view];
  // The digest names its ISO week (`2026-W48`); said as people say it ("2026年第48周").
  const week = data.digest && /^(\d{4})-W(\d{1,2})$/.exec(data.digest.week);
  return week ? w.weekly(Number(week[1]), Number(week[2])) : w.report;
}

/** Whose figures: the rep by name, the teams in scope by name, or the whole company. */
function scopeName(data: ReportCardData, ctx: RenderContext): string {
  const r = data.report;
  const teams = r.teams.map((t) => t.name).join(ctx.texts.charts.separator);
  if (data.view === 'rep') {
    const name = r.reps?.find((rep) => rep.memberId === data.memberId)?.name;
    return [name, teams].filter(Boolean).join(' · ');
  }
  // After-sales figures are the org's (the service team is not a sales team), and so is an unscoped report.
  if (data.view === 'afterSales' || !r.scope.teamIds) return ctx.texts.report.wholeOrg;
  return teams || ctx.texts.report.wholeOrg;
}

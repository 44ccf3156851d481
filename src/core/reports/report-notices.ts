import type { StaffHoursFigure } from '../after-sales/index.js';
import type { MemberId, TeamId } from '../shared/ids.js';
import type { ChannelFigures, RepFigures, Report } from './report-types.js';

/**
 * What a report card shows: a team's reps ranked (`team`), a manager's teams side by side (`teams`), the director's
 * org (`org`), a rep's own figures beside the team's medians (`rep`), the channel table (`channels`), the after-sales
 * figures (`afterSales`), the revisit heat map alone (`heatmap`).
 */
export const REPORT_CARD_VIEWS = [
  'team',
  'teams',
  'org',
  'rep',
  'channels',
  'afterSales',
  'heatmap',
] as const;
export type ReportCardView = (typeof REPORT_CARD_VIEWS)[number];

/** The after-sales figures as the card shows them: per staff member, and the complaints summed over customers. */
export type ReportCardAfterSales = {
  readonly staff: readonly StaffHoursFigure[];
  readonly complaints: number;
  readonly resolved: number;
  /** Mean hours from raised to resolved over every resolved complaint; absent when none is. */
  readonly meanHoursToResolve?: number;
};

/**
 * The report as a notice stores it: plain JSON (the outbox keeps `data` as a document and renders it at delivery),
 * so instants are ISO strings, and only what the view draws is kept (no per-lead or per-customer lists).
 */
export type ReportCardFigures = Omit<Report, 'period' | 'afterSales'> & {
  readonly period: { readonly from: string; readonly to: string };
  readonly afterSales?: ReportCardAfterSales;
};

export type TeamTotal = { readonly teamId: TeamId; readonly name: string; readonly total: RepFigures };

/** The data of a `report.card` notice (the weekly digest's and `/report`'s card). */
export type ReportCardData = {
  readonly view: ReportCardView;
  readonly report: ReportCardFigures;
  /** `teams` / `org`: each team's totals, drawn side by side. */
  readonly teamTotals?: readonly TeamTotal[];
  /** `rep`: whose card it is (their bar is highlighted; no other rep's row is ever in `report`). */
  readonly memberId?: MemberId;
  /** Set by the weekly digest: the ISO week (`2026-W48`) the card sums up. */
  readonly digest?: { readonly week: string };
};

/** The most channel rows a card keeps (by volume): a picture of a hundred campaigns reads as none. */
export const CARD_CHANNEL_ROWS = 15;

/** The sections each view draws; the others are dropped from the stored data. */
const VIEW_KEEPS: Readonly<Record<ReportCardView, readonly (keyof Report)[]>> = {
  team: ['total', 'reps', 'teamMedians', 'funnel', 'heatmap'],
  teams: ['total', 'funnel'],
  org: ['total', 'funnel', 'heatmap'],
  rep: ['total', 'reps', 'teamMedians', 'funnel'],
  channels: ['channels'],
  afterSales: ['afterSales'],
  heatmap: ['heatmap'],
};

/** A `report.card` notice's data from computeReport's answer: made plain and cut to what the view draws. */
export function reportCardData(
  view: ReportCardView,
  report: Report,
  more: Omit<ReportCardData, 'view' | 'report'> = {},
): ReportCardData {
  const keep = new Set(VIEW_KEEPS[view]);
  const figures: ReportCardFigures = {
    period: { from: report.period.from.toISOString(), to: report.period.to.toISOString() },
    timeZone: report.timeZone,
    teams: report.teams,
    scope: report.scope,
    ...(keep.has('total') && report.total ? { total: report.total } : {}),
    ...(keep.has('reps') && report.reps ? { reps: report.reps } : {}),
    ...(keep.has('teamMedians') && report.teamMedians ? { teamMedians: report.teamMedians } : {}),
    ...(keep.has('funnel') && report.funnel ? { funnel: report.funnel } : {}),
    ...(keep.has('channels') && report.channels ? { channels: topChannels(report.channels) } : {}),
    ...(keep.has('heatmap') && report.heatmap ? { heatmap: report.heatmap } : {}),
    ...(keep.has('afterSales') && report.afterSales ? { afterSales: afterSalesOf(report.afterSales) } : {}),
  };
  return { view, report: figures, ...more };
}

function topChannels(channels: readonly ChannelFigures[]): ChannelFigures[] {
  return [...channels].sort((a, b) => b.leads - a.leads).slice(0, CARD_CHANNEL_ROWS);
}

function afterSalesOf(set: NonNullable<Report['afterSales']>): ReportCardAfterSales {
  const complaints = set.customers.reduce((n, c) => n + c.complaints, 0);
  const resolved = set.customers.reduce((n, c) => n + c.resolved, 0);
  // The customers' means weighted by their resolved complaints: the mean over every resolved complaint.
  const hours = set.customers.reduce((n, c) => n + (c.meanHoursToResolve ?? 0) * c.resolved, 0);
  return {
    staff: set.staff,
    complaints,
    resolved,
    ...(resolved > 0 ? { meanHoursToResolve: hours / resolved } : {}),
  };
}

declare module '../shared/notices.js' {
  interface NoticeDataByKind {
    'report.card': ReportCardData;
  }
}

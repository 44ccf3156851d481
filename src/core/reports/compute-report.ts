import { getAfterSalesFigures } from '../after-sales/index.js';
import { stageSettingsOf } from '../customers/index.js';
import type { Caller, Member, Team } from '../org/index.js';
import { DomainError, validationFailed } from '../shared/errors.js';
import { zoneOffsetMs } from '../shared/zoned-time.js';
import { figureQuery } from './figure-query.js';
import type { FigureQuery, ReportDeps } from './ports.js';
import { parseReportInput } from './report-input.js';
import { repFigures, teamMedians } from './report-reps.js';
import { reportScope } from './report-scope.js';
import { channelsOf, funnelOf, heatmapOf } from './report-sections.js';
import { REPORT_SECTIONS, type Report, type ReportScope, type ReportSection } from './report-types.js';

const SALES: readonly ReportSection[] = ['summary', 'reps', 'funnel', 'channels', 'heatmap'];

/**
 * The one entry point every reader of the figures calls (the API, `/report`, the weekly digest, the dashboard):
 * the period and team asked for, scoped by the caller's role in core, each section computed by the database and
 * returned typed and complete, so a card, a chart, a CSV and a page render it without another query.
 * Sections not asked for cost nothing; asking for one the role may not see is refused.
 */
export async function computeReport(deps: ReportDeps, caller: Caller, input: unknown): Promise<Report> {
  const timeZone = caller.org.settings.timeZone;
  const now = deps.clock.now();
  const { period, teamId, sections } = parseReportInput(input, now, timeZone);
  const scope = reportScope(caller, teamId);
  const wanted = new Set(sections ?? REPORT_SECTIONS.filter((s) => allowed(scope, s)));
  for (const s of wanted)
    if (!allowed(scope, s))
      throw new DomainError('FORBIDDEN', { action: `report.${s}`, roles: caller.roles });
  const [teams, members] = await Promise.all([
    deps.teams.list(caller.org.id),
    SALES.some((s) => wanted.has(s)) ? deps.members.list(caller.org.id) : Promise.resolve([]),
  ]);
  if (teamId && !teams.some((t) => t.id === teamId))
    throw validationFailed([
      { field: 'team', message: 'no such team in this org', problem: { kind: 'no_such_team' } },
    ]);
  const stages = stageSettingsOf(caller.org).stages;
  const q: FigureQuery = figureQuery(period, scope, stages, now);
  // The summary, the reps and the funnel read one cohort aggregation; a rep's funnel is their own leads' (another).
  const cohorts = new Map<string, ReturnType<ReportDeps['reports']['cohort']>>();
  const reports: ReportDeps['reports'] = {
    ...deps.reports,
    cohort: (org, query) => {
      const key = query.ownerId ?? '';
      if (!cohorts.has(key)) cohorts.set(key, deps.reports.cohort(org, query));
      return cohorts.get(key) as ReturnType<ReportDeps['reports']['cohort']>;
    },
  };
  const d = { ...deps, reports };
  const parts = await Promise.all([
    wanted.has('summary') || wanted.has('reps') ? repsPart(d, caller, q, scope, members) : {},
    wanted.has('funnel') ? funnelPart(d, caller, q, scope) : {},
    wanted.has('channels') ? channelsPart(d, caller, q, scope) : {},
    wanted.has('heatmap') ? heatmapPart(d, caller, q, scope, members, timeZone) : {},
    wanted.has('afterSales')
      ? getAfterSalesFigures({ figures: deps.afterSalesFigures }, caller, period).then((afterSales) => ({
          afterSales,
        }))
      : {},
  ]);
  return { period, timeZone, teams: teamsOf(teams, scope), scope, ...Object.assign({}, ...parts) };
}

const allowed = (scope: ReportScope, s: ReportSection) =>
  s === 'afterSales' ? scope.afterSales : scope.sales;

const teamsOf = (teams: readonly Team[], scope: ReportScope) =>
  teams
    .filter((t) => !scope.teamIds || scope.teamIds.includes(t.id))
    .map((t) => ({ id: t.id, name: t.name }));

/** A rep's own leads only, for the sections that show leads rather than the team's medians. */
const own = (q: FigureQuery, scope: ReportScope): FigureQuery =>
  scope.onlyMemberId ? { ...q, ownerId: scope.onlyMemberId } : q;

async function repsPart(
  deps: ReportDeps,
  caller: Caller,
  q: FigureQuery,
  scope: ReportScope,
  members: readonly Member[],
) {
  const [cohort, reclaims] = await Promise.all([
    deps.reports.cohort(caller.org.id, q),
    deps.reports.reclaims(caller.org.id, q),
  ]);
  const { reps, total } = repFigures(cohort, reclaims, members);
  const medians = teamMedians(reps);
  if (!scope.onlyMemberId) return { reps, total, teamMedians: medians };
  // A rep: their own row, and the team only as medians (never a colleague's row, nor the team's sums).
  const mine = reps.filter((r) => r.memberId === scope.onlyMemberId);
  return { reps: mine, ...(mine[0] ? { total: mine[0] } : {}), teamMedians: medians };
}

async function funnelPart(deps: ReportDeps, caller: Caller, q: FigureQuery, scope: ReportScope) {
  const cohort = await deps.reports.cohort(caller.org.id, own(q, scope));
  return { funnel: funnelOf(stageSettingsOf(caller.org).stages, cohort) };
}

async function channelsPart(deps: ReportDeps, caller: Caller, q: FigureQuery, scope: ReportScope) {
  const rows = await deps.reports.channels(caller.org.id, own(q, scope));
  const names = rows.filter((r) => r.kind === 'campaign').map((r) => r.name);
  const campaigns = names.length ? await deps.campaigns.list(caller.org.id, names) : [];
  const costed = campaigns.map((c) => c.name);
  const totals = costed.length ? await deps.reports.campaignTotals(caller.org.id, costed, q.wonKeys) : [];
  return { channels: channelsOf(rows, campaigns, totals) };
}

async function heatmapPart(
  deps: ReportDeps,
  caller: Caller,
  q: FigureQuery,
  scope: ReportScope,
  members: readonly Member[],
  timeZone: string,
) {
  const { teamIds } = scope;
  const authorIds = scope.onlyMemberId
    ? [scope.onlyMemberId]
    : teamIds
      ? members.filter((m) => m.teamId && teamIds.includes(m.teamId)).map((m) => m.id)
      : undefined;
  const [hours, recency] = await Promise.all([
    deps.reports.followUpHours(caller.org.id, {
      ...{ from: q.from, to: q.to, offsetMs: zoneOffsetMs(q.from, timeZone) },
      ...(authorIds ? { authorIds } : {}),
    }),
    // Recency reads each lead's latest follow-up, which is now's: it is as of now, whatever the period.
    deps.reports.recency(caller.org.id, { ...own(q, scope), asOf: deps.clock.now() }),
  ]);
  return { heatmap: heatmapOf(hours, recency) };
}

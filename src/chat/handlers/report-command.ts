import type { Caller } from '../../core/org/index.js';
import {
  computeReport,
  type ReportCardData,
  type ReportCardView,
  type ReportDeps,
  type ReportScope,
  type ReportSection,
  reportCardData,
  reportScope,
} from '../../core/reports/index.js';
import { isDomainError } from '../../core/shared/errors.js';
import type { TeamId } from '../../core/shared/ids.js';
import type { Notifier } from '../../core/shared/notices.js';
import { wallTimeOf } from '../../core/shared/zoned-time.js';
import type { CommandHandler, HandlerContext } from '../registry.js';
import { parseReportAsk, type ReportAsk } from '../report-grammar.js';

export type ReportChatDeps = ReportDeps & { readonly notifier: Notifier };

/** The sections each view reads (computeReport computes only these). */
const SECTIONS: Readonly<Record<ReportCardView, readonly ReportSection[]>> = {
  team: ['summary', 'reps', 'funnel', 'heatmap'],
  teams: ['summary', 'funnel'],
  org: ['summary', 'funnel', 'heatmap'],
  rep: ['summary', 'reps', 'funnel'],
  channels: ['channels'],
  afterSales: ['afterSales'],
  heatmap: ['heatmap'],
};

/**
 * `/报表` (`/report`): the report card for the period, team and kind asked for (report-grammar.ts), scoped by the
 * caller's role in core (computeReport). The card is published to the asker's DM through the outbox rather than
 * returned as the reply: its charts are drawn at delivery and uploaded the platform's way (a Slack slash command's
 * response_url carries no images), retried there, and a rep's figures stay private. The reply says it is coming.
 */
export function reportCommand(deps: ReportChatDeps): CommandHandler {
  return async (ctx, event) => {
    const r = ctx.texts.report.command;
    const teams = await deps.teams.list(ctx.org.id);
    const today = wallTimeOf(deps.clock.now(), ctx.org.settings.timeZone);
    const parsed = parseReportAsk(event.args, { teams: teams.map((t) => t.name), today });
    if (!parsed.ok)
      return {
        replies: [
          {
            text:
              parsed.problem.kind === 'unknown'
                ? r.unknown(parsed.problem.words, visibleTeams(ctx.caller, teams))
                : r.tooMany,
          },
        ],
      };
    const ask = parsed.ask;
    const team = teams.find((t) => t.name === ask.team);
    try {
      const data = await cardFor(deps, ctx.caller, ask, team?.id);
      await deps.notifier.publish(ctx.org.id, [
        {
          kind: 'report.card',
          to: { kind: 'member', memberId: ctx.member.id },
          mode: 'post',
          // A platform's retry of the same command posts the card once.
          idempotencyKey: `report:${ctx.member.id}:${event.eventId}`,
          data,
        },
      ]);
      return { replies: [{ text: r.working }] };
    } catch (error) {
      if (!isDomainError(error) || error.code !== 'FORBIDDEN') throw error;
      return { replies: [{ text: refusal(ctx, ask) }] };
    }
  };
}

/** The view the caller's scope calls for, then its figures (and each team's totals where teams stand side by side). */
async function cardFor(
  deps: ReportDeps,
  caller: Caller,
  ask: ReportAsk,
  teamId: TeamId | undefined,
): Promise<ReportCardData> {
  const view = ask.kind ?? salesView(reportScope(caller, teamId));
  const input = { ...(ask.period ? { period: ask.period } : {}), ...(teamId ? { team: teamId } : {}) };
  const report = await computeReport(deps, caller, { ...input, sections: [...SECTIONS[view]] });
  const memberId = report.scope.onlyMemberId;
  if (view === 'rep') return reportCardData(view, report, memberId ? { memberId } : {});
  if (view !== 'teams' && view !== 'org') return reportCardData(view, report);
  const teamTotals = await Promise.all(
    report.teams.map(async (t) => {
      const one = await computeReport(deps, caller, { ...input, team: t.id, sections: ['summary'] });
      return one.total ? [{ teamId: t.id, name: t.name, total: one.total }] : [];
    }),
  );
  return reportCardData(view, report, { teamTotals: teamTotals.flat() });
}

/** A rep sees their own card; one team its team's; a manager's several teams side by side; no team asked, the org. */
function salesView(scope: ReportScope): ReportCardView {
  if (!scope.sales) return 'afterSales';
  if (scope.onlyMemberId) return 'rep';
  if (!scope.teamIds) return 'org';
  return scope.teamIds.length > 1 ? 'teams' : 'team';
}

/** A refused scope told in plain words: the team asked for, or the kind of report. */
function refusal(ctx: HandlerContext, ask: ReportAsk): string {
  const r = ctx.texts.report.command;
  if (ask.team && ask.kind !== 'afterSales') return r.forbiddenTeam(ask.team);
  return r.forbiddenKind[ask.kind ?? 'sales'];
}

/** The teams named in an answer: the ones the caller may ask for (a rep is not shown the org's other teams). */
function visibleTeams(
  caller: Caller,
  teams: readonly { readonly id: TeamId; readonly name: string }[],
): string[] {
  try {
    const scope = reportScope(caller, undefined);
    return teams.filter((t) => !scope.teamIds || scope.teamIds.includes(t.id)).map((t) => t.name);
  } catch {
    return [];
  }
}

import {
  type Caller,
  type Member,
  memberCaller,
  type Org,
  type OrgRepository,
  PLATFORMS,
  systemCaller,
} from '../org/index.js';
import type { MemberId, OrgId, TeamId } from '../shared/ids.js';
import type { Notice, Notifier } from '../shared/notices.js';
import { computeReport } from './compute-report.js';
import { type DigestCard, digestCards, isManager, teamsOfManager } from './digest-cards.js';
import type { DigestRuns } from './digest-runs.js';
import { type DueDigest, digestDue } from './digest-schedule.js';
import { digestSettingsOf } from './digest-settings.js';
import type { ReportDeps } from './ports.js';
import { reportCardData } from './report-notices.js';
import type { Report, ReportSection } from './report-types.js';

export type DigestDeps = ReportDeps & {
  readonly orgs: Pick<OrgRepository, 'listByPlatform'>;
  readonly runs: DigestRuns;
  readonly notifier: Notifier;
};

/**
 * How long a runner holds an (org, week) before another may take it over: far longer than a digest takes (the
 * bench's 100,000-lead org runs in seconds), so a live run is never doubled, and short enough that a crashed one
 * is finished the same morning.
 */
export const DIGEST_LEASE_MS = 15 * 60_000;

/** What the digest shows: every sales section (after-sales figures have their own readers). */
const SECTIONS: readonly ReportSection[] = ['summary', 'reps', 'funnel', 'channels', 'heatmap'];

/**
 * 周报: for every org whose weekly slot has passed (digestDue), the previous week's cards go to the team channels,
 * managers, director(s) and reps (digestCards), once per org and ISO week across instances and restarts:
 *
 * 1. the run marker is taken by one atomic write (DigestRuns.take) before anything is computed or sent, so two
 *    runners at once cannot both work on an (org, week);
 * 2. every card goes to the outbox under an idempotency key naming the org, the week and the recipient, so a run
 *    that crashed after publishing some cards and is re-taken after its lease publishes the same keys again and
 *    the outbox drops what it already holds — no card lost, none doubled;
 * 3. only then is the marker `done`, and a done marker is never taken again.
 *
 * The sweep runs every minute and costs what is due: the orgs are read (one indexed read per platform) and the due
 * check is arithmetic on their settings; an org not yet due, or whose week this process saw done (`done`), costs
 * nothing more. Returns how many cards were published.
 */
export async function sendWeeklyDigests(deps: DigestDeps, done: Set<string> = new Set()): Promise<number> {
  const now = deps.clock.now();
  let sent = 0;
  for (const platform of PLATFORMS) {
    for (const org of await deps.orgs.listByPlatform(platform)) {
      const due = digestDue(org, now);
      if (!due || done.has(`${org.id}:${due.week}`)) continue;
      const taken = await deps.runs.take(org.id, due.week, now, DIGEST_LEASE_MS);
      if (taken === 'taken') {
        const cards = await sendOrgDigest(deps, org, due);
        await deps.runs.finish(org.id, due.week, deps.clock.now(), cards);
        sent += cards;
      }
      // Busy: another runner holds it; this process asks again next minute and then finds it done.
      if (taken !== 'busy') done.add(`${org.id}:${due.week}`);
    }
  }
  return sent;
}

/** One org's digest: a report per team, the org's for the director(s), the cards, one publish. */
export async function sendOrgDigest(deps: DigestDeps, org: Org, due: DueDigest): Promise<number> {
  const settings = digestSettingsOf(org);
  const d = onceEach(deps);
  const [teams, members] = await Promise.all([d.teams.list(org.id), d.members.list(org.id)]);
  const active = members.filter((m) => m.active);
  const report = (caller: Caller, team?: TeamId) =>
    computeReport(d, caller, {
      ...{ from: due.period.from.toISOString(), to: due.period.to.toISOString(), sections: SECTIONS },
      ...(team ? { team } : {}),
    });
  const system = systemCaller(org);
  const teamReports = new Map<TeamId, Report>();
  // One team at a time: a large org's aggregations do not all hit the database at once.
  for (const team of teams) teamReports.set(team.id, await report(system, team.id));
  const directors = settings.recipients.director && active.some(isDirector);
  const orgReport = directors ? await report(system) : undefined;
  const managerReports = new Map<MemberId, Report>();
  for (const m of settings.recipients.managers ? active.filter(isManager) : []) {
    const theirs = teamsOfManager(teams, m).map((t) => t.id);
    // A manager of several teams: their own report, scoped by core's role rules (few managers run two teams).
    if (theirs.length > 1)
      managerReports.set(m.id, await report(memberCaller(org, m, org.settings.locale, theirs)));
  }
  const cards = digestCards({
    ...{ week: due.week, settings, teams, members: active, teamReports, managerReports },
    ...(orgReport ? { orgReport } : {}),
  });
  await deps.notifier.publish(org.id, cards.map(noticeOf(org.id, due.week)));
  return cards.length;
}

const isDirector = (m: Member) => m.roles.includes('director');

/** The outbox key names org, week and recipient: a re-run's publish of the same card is dropped (see above). */
const noticeOf =
  (orgId: OrgId, week: string) =>
  (c: DigestCard): Notice => ({
    kind: 'report.card',
    to: c.to,
    mode: 'post',
    idempotencyKey: `digest:${orgId}:${week}:${c.key}`,
    data: reportCardData(c.view, c.report, {
      ...(c.teamTotals ? { teamTotals: c.teamTotals } : {}),
      ...(c.memberId ? { memberId: c.memberId } : {}),
      digest: { week },
    }),
  });

/**
 * The report deps with what every team's computeReport reads alike read once per digest run: the org's teams and
 * members, and its campaign costs (all of them once, each report taking the ones it names), which do not change
 * between the reports of one run; and the same campaigns' all-time totals asked twice are one aggregation. So the
 * commands grow per team by the figures only.
 */
function onceEach(deps: DigestDeps): DigestDeps {
  const memo = <A extends unknown[], R>(f: (...a: A) => Promise<R>) => {
    const seen = new Map<string, Promise<R>>();
    return (...a: A) => {
      const key = JSON.stringify(a);
      if (!seen.has(key)) seen.set(key, f(...a));
      return seen.get(key) as Promise<R>;
    };
  };
  const allCampaigns = memo((org: OrgId) => deps.campaigns.list(org));
  return {
    ...deps,
    teams: { list: memo(deps.teams.list.bind(deps.teams)) },
    members: { list: memo(deps.members.list.bind(deps.members)) },
    campaigns: {
      ...deps.campaigns,
      list: async (org, names) => (await allCampaigns(org)).filter((c) => !names || names.includes(c.name)),
    },
    reports: { ...deps.reports, campaignTotals: memo(deps.reports.campaignTotals.bind(deps.reports)) },
  };
}

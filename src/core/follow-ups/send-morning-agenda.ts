import type { Member, MemberRepository, Org, OrgRepository, TeamRepository } from '../org/index.js';
import { PLATFORMS } from '../org/index.js';
import type { Clock } from '../shared/clock.js';
import type { OrgId } from '../shared/ids.js';
import type { Notice, Notifier } from '../shared/notices.js';
import { type AgendaData, type AgendaLists, agendaList } from './agenda-notices.js';
import { DUE_LISTS, type DueGroups, type DueLeadsReader, dueQuery, orgDay } from './agenda-query.js';
import { planSettingsOf } from './plan-settings.js';

/** Which org-days have had their agenda (a marker, so a restart or another instance skips the work). */
export interface AgendaRuns {
  isDone(orgId: OrgId, day: string): Promise<boolean>;
  markDone(orgId: OrgId, day: string): Promise<void>;
}

export type AgendaDeps = {
  readonly orgs: Pick<OrgRepository, 'listByPlatform'>;
  readonly members: Pick<MemberRepository, 'list'>;
  readonly teams: Pick<TeamRepository, 'list'>;
  readonly leads: DueLeadsReader;
  readonly runs: AgendaRuns;
  readonly notifier: Notifier;
  readonly clock: Clock;
};

/** How many leads each list of the card names; the rest are counted (`/today` … list them all). */
export const AGENDA_LISTED = 3;

/**
 * The morning agenda (每日待办): at the org's `agendaAt` in its time zone, each rep gets one card — 今日待联系, 逾期
 * 未跟进, 高意向未推进, counted, the first few named — and a manager also their teams' lists. A member with nothing
 * gets a short "nothing today" card (so a quiet morning is not mistaken for a silent bot). Once per org, member and
 * local day across instances and restarts: each card's outbox key names the org, member and day (a second publish
 * is dropped), and the org-day is marked done after its publish, so a later run skips the work; a crash in between
 * only repeats work, never a card. The cost is per org, not per lead or rep: the marker, the members, the teams,
 * one aggregation (all three lists, grouped by owner and team), one publish. `done` is the in-process memory of
 * org-days finished, so the job, run every minute, reads each marker at most once per process.
 */
export async function sendMorningAgenda(deps: AgendaDeps, done: Set<string> = new Set()): Promise<number> {
  const now = deps.clock.now();
  let sent = 0;
  for (const platform of PLATFORMS) {
    for (const org of await deps.orgs.listByPlatform(platform)) {
      const day = orgDay(org, now);
      const key = `${org.id}:${day.day}`;
      if (done.has(key) || !agendaTimeReached(org, now, day.start)) continue;
      if (!(await deps.runs.isDone(org.id, day.day))) {
        sent += await sendOrgAgenda(deps, org, now, day.day);
        await deps.runs.markDone(org.id, day.day);
      }
      done.add(key);
    }
  }
  return sent;
}

function agendaTimeReached(org: Org, now: Date, dayStart: Date): boolean {
  const [h = '9', m = '0'] = planSettingsOf(org).agendaAt.split(':');
  return now.getTime() - dayStart.getTime() >= (Number(h) * 60 + Number(m)) * 60_000;
}

async function sendOrgAgenda(deps: AgendaDeps, org: Org, now: Date, day: string): Promise<number> {
  const [members, teams, groups] = await Promise.all([
    deps.members.list(org.id, { activeOnly: true }),
    deps.teams.list(org.id),
    deps.leads.findDueLists(org.id, dueQuery(org, now, {}, AGENDA_LISTED)),
  ]);
  const notices: Notice[] = [];
  for (const member of members.filter(receivesAgenda)) {
    const managed = teams.filter((t) => t.managerId === member.id);
    const data: AgendaData = {
      memberName: member.name,
      day,
      mine: listsOf(groups, 'byOwner', member.id),
      teams: managed.map((t) => ({ teamName: t.name, lists: listsOf(groups, 'byTeam', t.id) })),
    };
    notices.push({
      kind: 'plan.agenda',
      to: { kind: 'member', memberId: member.id },
      mode: 'post',
      idempotencyKey: `agenda:${org.id}:${member.id}:${day}`,
      data,
    });
  }
  await deps.notifier.publish(org.id, notices);
  return notices.length;
}

/** Reps and managers get the agenda; directors, admins and after-sales have other views. */
const receivesAgenda = (m: Member) => m.roles.includes('rep') || m.roles.includes('manager');

function listsOf(groups: DueGroups, by: 'byOwner' | 'byTeam', id: string): AgendaLists {
  return Object.fromEntries(
    DUE_LISTS.map((list) => [
      list,
      agendaList(
        groups[list][by].find((g) => g.id === id),
        list,
      ),
    ]),
  ) as unknown as AgendaLists;
}

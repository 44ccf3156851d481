import type { Lead } from '../leads/index.js';
import type { Org } from '../org/index.js';
import type { MemberId, OrgId, TeamId } from '../shared/ids.js';
import { localDay, nextLocalMidnight } from '../shared/local-day.js';
import { ADVANCED_STAGE_KEYS, planSettingsOf } from './plan-settings.js';

const DAY_MS = 86_400_000;

/** The three lists of the morning agenda and the views: 今日待联系, 逾期未跟进, 高意向未推进. */
export const DUE_LISTS = ['today', 'overdue', 'stalled'] as const;
export type DueList = (typeof DUE_LISTS)[number];

/**
 * 高意向未推进, one rule per stage: a lead in this stage (by key; `undefined`: no stage yet, the first stage) with no
 * follow-up since `before` is stalled; `importantOnly` for the stages before 意向, where only important leads count.
 */
export type StalledRule = {
  readonly stageKey?: string;
  readonly importantOnly: boolean;
  readonly before: Date;
};

/** What the lists are over: the org's open, owned leads, of one owner or some teams, at one instant. */
export type DueQuery = {
  readonly now: Date;
  /** The org-local day the lists are for: `today` is a next contact inside it, `overdue` one before it. */
  readonly dayStart: Date;
  readonly dayEnd: Date;
  readonly stalled: readonly StalledRule[];
  readonly ownerId?: MemberId;
  readonly teamIds?: readonly TeamId[];
  /** How many leads each group lists (its count is of all). */
  readonly top: number;
};

/** One group of a list: an owner's or a team's leads in it, counted, the first `top` of them (history not loaded). */
export type DueGroup = { readonly id: string; readonly count: number; readonly leads: readonly Lead[] };
export type DueGroups = {
  readonly [L in DueList]: { readonly byOwner: readonly DueGroup[]; readonly byTeam: readonly DueGroup[] };
};

/** The lists' one read: a single command for all three, grouped by owner and by team (see the lead repository). */
export interface DueLeadsReader {
  findDueLists(orgId: OrgId, query: DueQuery): Promise<DueGroups>;
}

/** The org-local day of an instant, its bounds and its name (YYYY-MM-DD). */
export function orgDay(org: Pick<Org, 'settings'>, now: Date): { day: string; start: Date; end: Date } {
  const tz = org.settings.timeZone;
  const end = nextLocalMidnight(now, tz);
  // The midnight that began today: the next one after 26 hours before tonight's (a day is 23 to 25 hours long).
  const start = nextLocalMidnight(new Date(end.getTime() - 26 * 3_600_000), tz);
  return { day: localDay(now, tz), start, end };
}

/** The stalled rules of an org: its per-stage days, the stages at or past 意向 for every lead, the rest for important. */
export function stalledRules(org: Pick<Org, 'settings'>, now: Date): StalledRule[] {
  const days = planSettingsOf(org).stalledAfterDays;
  const before = (key: string) => new Date(now.getTime() - (days[key] ?? days.other ?? 5) * DAY_MS);
  return [
    { importantOnly: true, before: before('lead') },
    ...Object.keys(days)
      .filter((key) => key !== 'other')
      .map((key) => ({
        stageKey: key,
        importantOnly: !ADVANCED_STAGE_KEYS.includes(key),
        before: before(key),
      })),
  ];
}

/** The query for an org's lists now, optionally narrowed to an owner or teams. */
export function dueQuery(
  org: Pick<Org, 'settings'>,
  now: Date,
  scope: { readonly ownerId?: MemberId; readonly teamIds?: readonly TeamId[] },
  top: number,
): DueQuery {
  const day = orgDay(org, now);
  return { now, dayStart: day.start, dayEnd: day.end, stalled: stalledRules(org, now), ...scope, top };
}

/** The statuses of an open, owned lead: the lists are about leads someone holds. */
export const OPEN_STATUSES = ['assigned', 'claimed'] as const;

const before = (at: Date | undefined, limit: Date) => at !== undefined && at.getTime() < limit.getTime();

/**
 * Which lists a lead is in: the rules every reader of the lists keeps (the repository as a query, the in-memory fake
 * as this predicate; the contract test holds them together).
 */
export function dueListsOf(lead: Lead, q: DueQuery): DueList[] {
  const open = (OPEN_STATUSES as readonly string[]).includes(lead.status) && lead.ownerId !== undefined;
  if (!open || (q.ownerId && lead.ownerId !== q.ownerId)) return [];
  if (q.teamIds && !(lead.teamId && q.teamIds.includes(lead.teamId))) return [];
  const next = lead.plan?.nextContactAt;
  const lists: DueList[] = [];
  if (next && !before(next, q.dayStart) && before(next, q.dayEnd)) lists.push('today');
  const ladderPassed =
    lead.followUpStatus === 'unfollowed' && !before(q.now, lead.nudgeAt ?? q.now) && !!lead.nudgeAt;
  if (before(next, q.dayStart) || ladderPassed) lists.push('overdue');
  const last = lead.lastFollowUp?.at;
  const stalled = q.stalled.some(
    (r) =>
      r.stageKey === lead.stage?.key &&
      (!r.importantOnly || lead.grade === 'important') &&
      before(last, r.before),
  );
  if (stalled) lists.push('stalled');
  return lists;
}

/** The order of a list: the earliest contact first; a ladder lead by its nudge time; the longest stalled first. */
export function dueSortAt(lead: Lead, list: DueList): number {
  const at = list === 'stalled' ? lead.lastFollowUp?.at : (lead.plan?.nextContactAt ?? lead.nudgeAt);
  return at?.getTime() ?? 0;
}

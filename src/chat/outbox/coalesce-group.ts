import type { Notice } from '../../core/shared/notices.js';

/**
 * Which burst a notice belongs to, or undefined when it is never merged. Notices of one group go to one recipient
 * and are of one kind, so a burst of them can be told in one summary card: leads entering a team's pool (one card
 * per channel), new leads of one owner, the reminders of one ladder step to one rep, the copies to one manager. Only posts are grouped:
 * an update changes a card already shown and must reach it as it is.
 */
export function coalesceGroupOf(notice: Notice): string | undefined {
  if (notice.mode !== 'post') return undefined;
  if (notice.kind === 'lead.card' && notice.to.kind === 'team') return `pool:${notice.to.teamId}`;
  // A lead card posted to a member tells them the lead is now theirs (assigned, approved to them, reclaimed to
  // them): a burst of these is "N new leads for you".
  if (notice.kind === 'lead.card' && notice.to.kind === 'member') return `owner:${notice.to.memberId}`;
  if (notice.kind === 'lead.reminder' && notice.to.kind === 'member') {
    return `reminder:${notice.data.step}:${notice.to.memberId}`;
  }
  // A bulk move tells each old owner once, listing their leads that went elsewhere.
  if (notice.kind === 'lead.moved_away' && notice.to.kind === 'member') return `moved:${notice.to.memberId}`;
  // The plan job's missed contacts: one card per manager per sweep, listing their reps' leads.
  if (notice.kind === 'plan.missed' && notice.to.kind === 'member') return `missed:${notice.to.memberId}`;
  return undefined;
}

/** The summary a group is told in: its prefix names it. */
const SUMMARY_KINDS = ['pool', 'owner', 'reminder', 'moved', 'missed'] as const;
export type SummaryKind = (typeof SUMMARY_KINDS)[number];

export function summaryKindOf(group: string): SummaryKind | undefined {
  const prefix = group.split(':')[0];
  return SUMMARY_KINDS.find((k) => k === prefix);
}

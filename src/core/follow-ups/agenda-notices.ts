import type { Lead } from '../leads/index.js';
import type { LeadId } from '../shared/ids.js';
import type { DueGroup, DueList } from './agenda-query.js';

/** One lead on an agenda or a view: who, the time that matters for its list, the last outcome. */
export type AgendaLine = {
  readonly leadId: LeadId;
  readonly code?: string;
  readonly name?: string;
  readonly company?: string;
  /** ISO: the next contact (今日, 逾期), the ladder's nudge time of an unfollowed lead, the last follow-up (停滞). */
  readonly at?: string;
  readonly lastOutcome?: string;
  /** An unfollowed lead past its ladder's first step (逾期 without a planned contact). */
  readonly unfollowed?: boolean;
};

export type AgendaListData = { readonly count: number; readonly leads: readonly AgendaLine[] };
export type AgendaLists = { readonly [L in DueList]: AgendaListData };

/** The morning agenda card of one member: their own lists and, for a manager, each managed team's. */
export type AgendaData = {
  readonly memberName: string;
  /** The org-local day (YYYY-MM-DD). */
  readonly day: string;
  readonly mine: AgendaLists;
  readonly teams: readonly { readonly teamName: string; readonly lists: AgendaLists }[];
};

/** A lead as one line of a list. */
export function agendaLine(lead: Lead, list: DueList): AgendaLine {
  const at =
    list === 'stalled'
      ? lead.lastFollowUp?.at
      : (lead.plan?.nextContactAt ?? (list === 'overdue' ? lead.nudgeAt : undefined));
  return {
    leadId: lead.id,
    ...(lead.code ? { code: lead.code } : {}),
    ...(lead.contact.name ? { name: lead.contact.name } : {}),
    ...(lead.contact.company ? { company: lead.contact.company } : {}),
    ...(at ? { at: at.toISOString() } : {}),
    ...(lead.lastFollowUp?.outcome ? { lastOutcome: lead.lastFollowUp.outcome } : {}),
    ...(list === 'overdue' && !lead.plan?.nextContactAt ? { unfollowed: true } : {}),
  };
}

/** A group of a list (or none) as the card's list data. */
export function agendaList(group: DueGroup | undefined, list: DueList): AgendaListData {
  return { count: group?.count ?? 0, leads: (group?.leads ?? []).map((l) => agendaLine(l, list)) };
}

/** Whether a member's agenda has nothing in it (the short "nothing today" card). */
export const agendaIsEmpty = (data: AgendaData) =>
  [data.mine, ...data.teams.map((t) => t.lists)].every((lists) =>
    Object.values(lists).every((l) => l.count === 0),
  );

declare module '../shared/notices.js' {
  interface NoticeDataByKind {
    'plan.agenda': AgendaData;
  }
}

import { quoteNotices } from '../customers/index.js';
import { contactPlanNotices, DEFAULT_PLAN_SETTINGS } from '../follow-ups/index.js';
import { approvalNotices, movedAwayNotices } from '../pools/index.js';
import { defined } from '../shared/defined.js';
import type { LeadId, MemberId, TeamId } from '../shared/ids.js';
import type { Notice } from '../shared/notices.js';
import type { DedupeKeys, EventReason, FollowUpStatus, Grade, Lead, LeadStatus } from './lead-types.js';

/** What the lead card shows; the renderer decides per reader what is masked. */
export type LeadCardData = {
  readonly leadId: LeadId;
  /** The short code people type (`L-1042`). */
  readonly code?: string;
  readonly version: number;
  readonly status: LeadStatus;
  readonly followUpStatus?: FollowUpStatus;
  readonly name?: string;
  readonly company?: string;
  readonly region?: string;
  readonly productLine?: string;
  readonly source: string;
  readonly campaign?: string;
  readonly intent?: string;
  readonly score: number;
  readonly grade: Grade;
  readonly phone?: string;
  readonly email?: string;
  readonly wechat?: string;
  readonly teamId?: TeamId;
  readonly ownerId?: MemberId;
  readonly ownerName?: string;
  /** ISO time: when an unfollowed lead returns to the pool. */
  readonly reclaimAt?: string;
  /** The contact plan: ISO times of the next contact and of a `following` lead's stale reclaim; the stage's key. */
  readonly nextContactAt?: string;
  readonly staleAt?: string;
  readonly stageKey?: string;
  /** The org's own name of the stage (absent for leads staged before names were kept). */
  readonly stageName?: string;
  /** Waiting for a director: the card shows it and offers no release. */
  readonly awaitingDecision?: boolean;
  /** The last change, for the card's status line ("released by 张伟: …"). */
  readonly lastEvent?: { readonly type: string; readonly actorName?: string; readonly reason?: EventReason };
};

/** Tells the original's owner that the same customer came in again (撞单). */
export type LeadDuplicateData = {
  readonly leadId: LeadId;
  readonly originalId: LeadId;
  readonly source: string;
  readonly campaign?: string;
  readonly name?: string;
  readonly company?: string;
  readonly matchedOn: readonly (keyof DedupeKeys)[];
};

/** The ladder's reminders: to the owner (`nudge`) and the copy to their manager (`manager`). */
export type LeadReminderData = LeadCardData & { readonly step: 'nudge' | 'manager' };

export const leadCardKey = (id: LeadId) => `lead:${id}`;

export function leadCardData(lead: Lead): LeadCardData {
  const last = lead.history.at(-1);
  return {
    leadId: lead.id,
    version: lead.version,
    status: lead.status,
    source: lead.source,
    score: lead.score,
    grade: lead.grade,
    ...defined({
      code: lead.code,
      followUpStatus: lead.followUpStatus,
      name: lead.contact.name,
      company: lead.contact.company,
      region: lead.region,
      productLine: lead.productLine,
      campaign: lead.campaign,
      intent: lead.intent,
      phone: lead.contact.phone,
      email: lead.contact.email,
      wechat: lead.contact.wechat,
      teamId: lead.teamId,
      ownerId: lead.ownerId,
      ownerName: lead.ownerName,
      reclaimAt: lead.dueAt ? lead.reclaimAt?.toISOString() : undefined,
      awaitingDecision: lead.pendingRelease ? true : undefined,
      nextContactAt: lead.plan?.nextContactAt?.toISOString(),
      staleAt: lead.followUpStatus === 'following' ? lead.plan?.staleAt?.toISOString() : undefined,
      stageKey: lead.stage?.key,
      stageName: lead.stage?.name,
    }),
    ...(last
      ? { lastEvent: { type: last.type, ...defined({ actorName: last.actorName, reason: last.reason }) } }
      : {}),
  };
}

/**
 * The notices a lead's latest change calls for, derived from the stored lead alone. Use-cases publish them right
 * after their write; the notice sweep publishes them again for any lead whose write was not followed by its publish
 * (a crash in between). Keys carry the lead's version, so the second publish of one version is a no-op.
 */
export function leadNotices(lead: Lead): Notice[] {
  if (lead.status === 'duplicate') return duplicateNotices(lead);
  const key = (suffix: string) => `${leadCardKey(lead.id)}:v${lead.version}:${suffix}`;
  const card = leadCardData(lead);
  const cardKey = leadCardKey(lead.id);
  const last = lead.history.at(-1);
  const post = (to: Notice['to'], suffix: string): Notice => ({
    kind: 'lead.card',
    to,
    cardKey,
    mode: 'post',
    idempotencyKey: key(suffix),
    data: card,
  });
  const notices: Notice[] = [];
  // A change to a lead already shown somewhere updates every copy of its card.
  if (lead.version > 1) {
    notices.push({
      kind: 'lead.card',
      to: toOwnerOrTeam(lead),
      cardKey,
      mode: 'update',
      idempotencyKey: key('update'),
      data: card,
    });
  }
  const toOwner = lead.ownerId ? ({ kind: 'member', memberId: lead.ownerId } as const) : undefined;
  const toTeam = lead.teamId ? ({ kind: 'team', teamId: lead.teamId } as const) : undefined;
  switch (last?.type) {
    case 'assigned':
    case 'release_approved':
      if (toOwner) notices.push(post(toOwner, 'owner'));
      break;
    case 'pooled':
    case 'released':
      if (toTeam) notices.push(post(toTeam, 'team'));
      break;
    case 'reclaimed':
    // A hand move: the new owner is told like any new owner (coalesced per person), a lead sent back to the pool
    // is offered to the team again; the old owner gets a notice of their own (movedAwayNotices).
    case 'reassigned':
      if (lead.status === 'pooled' && toTeam) notices.push(post(toTeam, 'team'));
      if (lead.status === 'assigned' && toOwner) notices.push(post(toOwner, 'owner'));
      break;
    case 'nudged':
      if (toOwner) notices.push(reminder(lead, card, toOwner, 'nudge', key('nudge')));
      break;
    case 'escalated':
      if (last.managerId)
        notices.push(
          reminder(lead, card, { kind: 'member', memberId: last.managerId }, 'manager', key('manager')),
        );
      break;
  }
  // Once the lead moves on, an earlier reminder card stops offering its buttons: the owner's and the manager's copy,
  // each under its own key and drawn for its own step, so neither takes the other's title.
  if (last?.type !== 'nudged' && last?.type !== 'escalated') {
    if (lead.history.some((e) => e.type === 'nudged')) {
      notices.push({
        ...reminder(lead, card, toOwnerOrTeam(lead), 'nudge', key('reminder-update')),
        mode: 'update',
      });
    }
    const manager = lead.history.findLast((e) => e.type === 'escalated' && e.managerId)?.managerId;
    if (manager) {
      const to = { kind: 'member', memberId: manager } as const;
      notices.push({ ...reminder(lead, card, to, 'manager', key('manager-update')), mode: 'update' });
    }
  }
  const all = [
    ...notices,
    ...approvalNotices(lead, card, key),
    ...movedAwayNotices(lead, key),
    ...contactPlanNotices(lead, DEFAULT_PLAN_SETTINGS.snooze),
    ...quoteNotices(lead),
  ];
  // Every card drawn here shows the lead at this version: the outbox orders a card's copies by it.
  return all.map((n) => (n.cardKey ? { ...n, seq: lead.version } : n));
}

function reminder(
  lead: Lead,
  card: LeadCardData,
  to: Notice['to'],
  step: 'nudge' | 'manager',
  idempotencyKey: string,
): Notice {
  // Its own card key: following up from it updates it too, so a stale Follow up button does not linger. The
  // manager's copy has a key of its own: under one key, drawing the copy rewrote the owner's card as the copy.
  return {
    kind: 'lead.reminder',
    to,
    cardKey: `${leadCardKey(lead.id)}:reminder${step === 'manager' ? ':manager' : ''}`,
    mode: 'post',
    idempotencyKey,
    data: { ...card, step },
  };
}

function duplicateNotices(lead: Lead): Notice[] {
  if (!lead.duplicateOf) return [];
  const to = lead.duplicateOwnerId
    ? ({ kind: 'member', memberId: lead.duplicateOwnerId } as const)
    : lead.teamId
      ? ({ kind: 'team', teamId: lead.teamId } as const)
      : undefined;
  if (!to) return [];
  return [
    {
      kind: 'lead.duplicate',
      to,
      mode: 'post',
      idempotencyKey: `${leadCardKey(lead.id)}:v${lead.version}:duplicate`,
      data: {
        leadId: lead.id,
        originalId: lead.duplicateOf,
        source: lead.source,
        matchedOn: lead.duplicateMatch ?? [],
        ...defined({ campaign: lead.campaign, name: lead.contact.name, company: lead.contact.company }),
      },
    },
  ];
}

// An update reaches every copy of the card by its key; its own recipient only picks the language it falls back to.
function toOwnerOrTeam(lead: Lead): Notice['to'] {
  if (lead.ownerId) return { kind: 'member', memberId: lead.ownerId };
  if (lead.teamId) return { kind: 'team', teamId: lead.teamId };
  return { kind: 'member', memberId: lead.history.at(-1)?.actorId ?? ('' as MemberId) };
}

declare module '../shared/notices.js' {
  interface NoticeDataByKind {
    'lead.card': LeadCardData;
    'lead.duplicate': LeadDuplicateData;
    'lead.reminder': LeadReminderData;
  }
}

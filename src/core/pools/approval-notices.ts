import {
  type Lead,
  type LeadCardData,
  leadCardKey,
  type PendingRelease,
  type ReleaseRecord,
} from '../leads/index.js';
import type { LeadId, MemberId } from '../shared/ids.js';
import type { Notice } from '../shared/notices.js';

/** The director's card: the release record, the reps offered and, once decided, the decision. */
export type LeadApprovalData = {
  readonly lead: LeadCardData;
  readonly record: ReleaseRecord;
  readonly candidates: PendingRelease['candidates'];
  readonly decidedByName?: string;
  readonly newOwnerName?: string;
  /**
   * The directors, for an @-mention in the group copy (DingTalk and WeCom have no threads, so a mention is what
   * reaches them there). Core does not know them: the outbox notifier fills this in when it addresses the DMs.
   */
  readonly approverIds?: readonly MemberId[];
};

/** Said in the approval thread once decided, naming the old and the new owner. */
export type LeadDecisionData = {
  readonly leadId: LeadId;
  readonly approval: 'approved' | 'kept';
  readonly decidedByName: string;
  readonly originalOwnerId: MemberId;
  readonly originalOwnerName: string;
  readonly newOwnerId?: MemberId;
  readonly newOwnerName?: string;
};

/** One thread per release request: its root is the approval card in the team channel (itself under the lead). */
export const approvalKey = (id: LeadId, requestedAt: Date) =>
  `approval:${id}:${new Date(requestedAt).getTime()}`;

/** Notices of the director's approval: the card when a release is requested, the decision when it is made. */
export function approvalNotices(lead: Lead, card: LeadCardData, key: (suffix: string) => string): Notice[] {
  const last = lead.history.at(-1);
  if (!lead.teamId || !last?.release) return [];
  const threadKey = approvalKey(lead.id, last.release.at);
  if (last.type === 'release_requested' && lead.pendingRelease) {
    const data = { lead: card, record: last.release, candidates: lead.pendingRelease.candidates };
    // In the team channel under the lead's own card (where the platform has threads), and to every director by
    // DM with the same buttons: one card key, so the decision updates every copy.
    return [
      {
        kind: 'lead.approval',
        to: { kind: 'thread', teamId: lead.teamId, threadKey: leadCardKey(lead.id) },
        cardKey: threadKey,
        mode: 'post',
        idempotencyKey: key('approval'),
        data,
      },
      {
        kind: 'lead.approval',
        to: { kind: 'directors' },
        cardKey: threadKey,
        mode: 'post',
        idempotencyKey: key('approval-dm'),
        data,
      },
    ];
  }
  if (last.type !== 'release_approved' && last.type !== 'release_kept') return [];
  const record = last.release;
  const approval = record.approval === 'approved' ? 'approved' : 'kept';
  const decidedByName = last.actorName ?? '';
  const newOwnerName = approval === 'approved' ? (lead.ownerName ?? '') : undefined;
  return [
    {
      kind: 'lead.approval',
      to: { kind: 'team', teamId: lead.teamId },
      cardKey: threadKey,
      mode: 'update',
      idempotencyKey: key('approval-decided'),
      data: { lead: card, record, candidates: [], decidedByName, ...(newOwnerName ? { newOwnerName } : {}) },
    },
    {
      kind: 'lead.decision',
      to: { kind: 'thread', teamId: lead.teamId, threadKey },
      mode: 'post',
      idempotencyKey: key('decision'),
      data: {
        leadId: lead.id,
        approval,
        decidedByName,
        originalOwnerId: record.originalOwnerId,
        originalOwnerName: record.originalOwnerName ?? '',
        ...(record.newOwnerId ? { newOwnerId: record.newOwnerId } : {}),
        ...(newOwnerName ? { newOwnerName } : {}),
      },
    },
  ];
}

declare module '../shared/notices.js' {
  interface NoticeDataByKind {
    'lead.approval': LeadApprovalData;
    'lead.decision': LeadDecisionData;
  }
}

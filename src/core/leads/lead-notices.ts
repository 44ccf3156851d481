import type { LeadId, MemberId, TeamId } from '../shared/ids.js';
import type { Notice } from '../shared/notices.js';
import type { DedupeKeys, Grade, Lead, LeadStatus } from './lead-types.js';

/** What the lead card shows; the renderer decides per reader what is masked. */
export type LeadCardData = {
  readonly leadId: LeadId;
  readonly version: number;
  readonly status: LeadStatus;
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
  /** The last ownership change, for the card's status line ("released by 张伟: …"). */
  readonly lastEvent?: { readonly type: string; readonly actorName?: string; readonly reason?: string };
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
      reclaimAt: lead.reclaimAt?.toISOString(),
    }),
    ...(last
      ? { lastEvent: { type: last.type, ...defined({ actorName: last.actorName, reason: last.reason }) } }
      : {}),
  };
}

/**
 * The notices a lead's latest change calls for, derived from the stored lead alone. Intake and claim publish them
 * right after their write; the notice sweep publishes them again for any lead whose write was not followed by its
 * publish (a crash in between). Keys carry the lead's version, so the second publish of one version is a no-op.
 */
export function leadNotices(lead: Lead): Notice[] {
  const key = (suffix: string) => `${leadCardKey(lead.id)}:v${lead.version}:${suffix}`;
  const card = leadCardData(lead);
  const cardKey = leadCardKey(lead.id);
  const last = lead.history.at(-1)?.type;
  if (lead.status === 'duplicate') {
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
        idempotencyKey: key('duplicate'),
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
  if (last === 'assigned' && lead.ownerId) {
    notices.push({
      kind: 'lead.card',
      to: { kind: 'member', memberId: lead.ownerId },
      cardKey,
      mode: 'post',
      idempotencyKey: key('owner'),
      data: card,
    });
  }
  if ((last === 'pooled' || last === 'released') && lead.teamId) {
    notices.push({
      kind: 'lead.card',
      to: { kind: 'team', teamId: lead.teamId },
      cardKey,
      mode: 'post',
      idempotencyKey: key('team'),
      data: card,
    });
  }
  return notices;
}

// An update reaches every copy of the card by its key; its own recipient only picks the language it falls back to.
function toOwnerOrTeam(lead: Lead): Notice['to'] {
  if (lead.ownerId) return { kind: 'member', memberId: lead.ownerId };
  if (lead.teamId) return { kind: 'team', teamId: lead.teamId };
  return { kind: 'member', memberId: lead.history.at(-1)?.actorId ?? ('' as MemberId) };
}

function defined<T extends Record<string, unknown>>(obj: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined)) as never;
}

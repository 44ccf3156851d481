import type { Lead } from '../leads/index.js';
import type { LeadId } from '../shared/ids.js';
import type { Notice } from '../shared/notices.js';

/** Told to the member a lead was taken from by hand (`/lead assign`, the API's one or bulk assignment). */
export type LeadMovedAwayData = {
  readonly leadId: LeadId;
  readonly code?: string;
  readonly name?: string;
  readonly company?: string;
  /** Who moved it; absent when an API token did (an integration, not a person). */
  readonly byName?: string;
  /** The new owner; absent when the lead went back to the public pool. */
  readonly toName?: string;
};

/**
 * The old owner's notice of a hand move, derived from the stored lead alone (like every lead notice, so the notice
 * sweep sends it again after a crash between the write and the publish). Its own kind, to the old owner's DM: the
 * lead's card there is updated too, but an update changes a card in place and says nothing to its reader.
 */
export function movedAwayNotices(lead: Lead, key: (suffix: string) => string): Notice[] {
  const last = lead.history.at(-1);
  if (last?.type !== 'reassigned' || !last.fromOwnerId || last.fromOwnerId === lead.ownerId) return [];
  const data: LeadMovedAwayData = {
    leadId: lead.id,
    ...(lead.code ? { code: lead.code } : {}),
    ...(lead.contact.name ? { name: lead.contact.name } : {}),
    ...(lead.contact.company ? { company: lead.contact.company } : {}),
    ...(last.actorName ? { byName: last.actorName } : {}),
    ...(lead.ownerId && lead.ownerName ? { toName: lead.ownerName } : {}),
  };
  return [
    {
      kind: 'lead.moved_away',
      to: { kind: 'member', memberId: last.fromOwnerId },
      mode: 'post',
      idempotencyKey: key('moved-away'),
      data,
    },
  ];
}

declare module '../shared/notices.js' {
  interface NoticeDataByKind {
    'lead.moved_away': LeadMovedAwayData;
  }
}

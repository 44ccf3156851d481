import type { EventReason, OwnershipEventType } from '../../core/leads/lead-types.js';
import type { LeadTexts } from '../texts/catalogue.js';

/**
 * A stored reason in the reader's words: what a person typed, exactly as typed; a system cause from the catalogue
 * ("48 小时内未跟进"). `type` is the event the reason belongs to: a card's button reads differently per event.
 */
export function reasonText(reason: EventReason | undefined, t: LeadTexts, type?: OwnershipEventType): string {
  if (!reason) return '';
  switch (reason.kind) {
    case 'typed':
      return reason.text;
    case 'timeout':
      return t.eventReasons.timeout(reason.hours);
    case 'assignment':
      return t.reasons[reason.code];
    case 'duplicate':
      return t.eventReasons.duplicate;
    case 'reclaim_period':
      return t.eventReasons.reclaimPeriod(reason.hours);
    case 'stale':
      return t.eventReasons.stale(reason.days);
    case 'lost':
      return t.eventReasons.lost;
    case 'offboarding':
      return t.eventReasons.offboarding(reason.name);
    case 'card':
      return type === 'followed_up' ? t.followedUpFromCard : t.releaseFromCardReason;
  }
}

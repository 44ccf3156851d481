import { type SetAvailabilityDeps, setMemberAvailability } from '../../core/org/set-member-availability.js';
import { DomainError } from '../../core/shared/errors.js';
import type { ActionHandler } from '../registry.js';

/** The status card's button: the clicking member goes on leave or comes back. The card updates via the outbox. */
export function setAvailabilityAction(deps: SetAvailabilityDeps): ActionHandler {
  return async ({ caller, member, texts }, event) => {
    if (event.value !== 'available' && event.value !== 'on_leave') {
      throw new DomainError('UNKNOWN_ACTION', { actionId: event.actionId, value: event.value });
    }
    const updated = await setMemberAvailability(deps, caller, {
      memberId: member.id,
      availability: event.value,
    });
    return { replies: [{ text: texts.availabilityChanged(updated.availability === 'on_leave') }] };
  };
}

import type { InboundEventLog } from '../../chat/inbound-ports.js';
import type { Clock } from '../../core/shared/clock.js';
import type { Models } from '../models.js';
import { isDuplicateKeyError } from '../object-id.js';

/** First-seen is one insert against a unique index: two instances receiving the same retry cannot both win. */
export function mongoInboundEventLog(models: Models, clock: Clock): InboundEventLog {
  return {
    async firstSeen(platform, eventId) {
      try {
        await models.InboundEvent.create({ platform, eventId, receivedAt: clock.now() });
        return true;
      } catch (error) {
        if (isDuplicateKeyError(error)) return false;
        throw error;
      }
    },
  };
}

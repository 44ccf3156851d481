import { randomUUID } from 'node:crypto';
import type { InboundEventLedger } from '../../chat/inbound-ports.js';
import { type Clock, systemClock } from '../../core/shared/clock.js';
import type { Models } from '../models.js';
import { isDuplicateKeyError } from '../object-id.js';

/**
 * Started/done per event. The first delivery is one insert against a unique index; a retry takes over only an
 * attempt that is `started` with its lease over, in one conditional update: two instances cannot both win.
 * Leases run on `clock` (the app's), so a test can let one run out.
 */
export function mongoInboundEventLog(models: Models, clock: Clock): InboundEventLedger {
  return {
    async begin(platform, eventId, leaseMs) {
      const attempt = randomUUID();
      const now = clock.now();
      const lease = { state: 'started' as const, attempt, leaseUntil: new Date(now.getTime() + leaseMs) };
      try {
        // receivedAt feeds the TTL index, which runs on the database server's real clock, not on `clock`.
        await models.InboundEvent.create({ platform, eventId, receivedAt: systemClock.now(), ...lease });
        return { outcome: 'start', attempt };
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
      }
      const taken = await models.InboundEvent.updateOne(
        { platform, eventId, state: 'started', leaseUntil: { $lte: now } },
        { $set: lease },
      );
      if (taken.modifiedCount === 1) return { outcome: 'start', attempt };
      const seen = await models.InboundEvent.findOne({ platform, eventId }, { state: 1 }).lean();
      return { outcome: seen?.state === 'started' ? 'busy' : 'done' };
    },
    async finish(platform, eventId) {
      await models.InboundEvent.updateOne(
        { platform, eventId },
        { $set: { state: 'done' }, $unset: { attempt: 1, leaseUntil: 1 } },
      );
    },
    async abandon(platform, eventId, attempt) {
      await models.InboundEvent.updateOne(
        { platform, eventId, state: 'started', attempt },
        { $set: { leaseUntil: new Date(0) } },
      );
    },
  };
}

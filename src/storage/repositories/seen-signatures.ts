import type { SeenSignatures } from '../../chat/inbound-ports.js';
import { type Clock, systemClock } from '../../core/shared/clock.js';
import type { Models } from '../models.js';
import { isDuplicateKeyError } from '../object-id.js';

/**
 * Accepted-once signatures: the insert wins or hits the unique index; the loser compares bodies. `seenAt` is real
 * time (the TTL runs on the database server's clock), never the app's movable clock.
 */
export function mongoSeenSignatures(models: Models, clock: Clock = systemClock): SeenSignatures {
  return {
    async record(platform, proof, bodyDigest) {
      try {
        await models.SeenSignature.create({ platform, proof, bodyDigest, seenAt: clock.now() });
        return 'first';
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
      }
      const seen = await models.SeenSignature.findOne({ platform, proof }, { bodyDigest: 1 }).lean();
      return seen?.bodyDigest === bodyDigest ? 'repeat' : 'replay';
    },
  };
}

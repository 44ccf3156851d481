import type { ConversionStats } from '../../core/leads/ports.js';
import { type MemberId, memberId } from '../../core/shared/ids.js';
import type { Models } from '../models.js';
import { toObjectId } from '../object-id.js';

// A rate that moves slowly; reading it once every few minutes per team keeps weighted intake at its usual cost.
const CACHE_MS = 10 * 60_000;

/**
 * Weights from each member's conversion over the window: 100 × (won + 1) / (assigned + 2). The +1/+2 (Laplace)
 * keep a member with little history near the middle instead of at 0 or 100, so nobody is starved by one bad week.
 * A lead counts as won once its stage says so (`convertedAt`); until follow-up stages exist all weights are equal.
 */
export function mongoConversionStats(models: Models, now: () => number = Date.now): ConversionStats {
  const cache = new Map<string, { at: number; weights: ReadonlyMap<MemberId, number> }>();
  return {
    async conversionWeights(org, team, since) {
      const key = `${org}:${team}`;
      const hit = cache.get(key);
      if (hit && now() - hit.at < CACHE_MS) return hit.weights;
      const rows = await models.Lead.aggregate<{ _id: unknown; assigned: number; won: number }>([
        { $match: { orgId: toObjectId(org), teamId: toObjectId(team), assignedAt: { $gte: since } } },
        {
          $group: {
            _id: '$ownerId',
            assigned: { $sum: 1 },
            won: { $sum: { $cond: [{ $ifNull: ['$convertedAt', false] }, 1, 0] } },
          },
        },
      ]);
      const weights = new Map<MemberId, number>();
      for (const row of rows) {
        if (row._id)
          weights.set(memberId(String(row._id)), Math.round((100 * (row.won + 1)) / (row.assigned + 2)));
      }
      cache.set(key, { at: now(), weights });
      return weights;
    },
  };
}

import { LEAD_STATUSES } from '../../core/leads/lead-types.js';
import type { BacklogQueries } from '../../metrics/backlog.js';
import type { Models } from '../models.js';

const WAITING: ('pending' | 'sending')[] = ['pending', 'sending'];

/**
 * The metrics' and readiness' reads, each on an index: the outbox's `{status, dueAt}` (the deliverer's own lease
 * index) and the leads' `{status}`, so a count is an index count scan and never reads a document.
 */
export function mongoBacklogQueries(models: Models): BacklogQueries {
  return {
    async outbox(now) {
      const [depth, oldest] = await Promise.all([
        models.OutboxEntry.countDocuments({ status: { $in: WAITING } }),
        // The entry due longest ago and not yet taken (or whose sender's lease ran out): how far delivery is behind.
        models.OutboxEntry.findOne({ status: { $in: WAITING }, dueAt: { $lte: now } }, { dueAt: 1 })
          .sort({ dueAt: 1 })
          .lean<{ dueAt: Date }>(),
      ]);
      return { depth, oldestOverdueSince: oldest?.dueAt ?? null };
    },
    async leadsByStatus() {
      const counts = await Promise.all(LEAD_STATUSES.map((status) => models.Lead.countDocuments({ status })));
      return Object.fromEntries(LEAD_STATUSES.map((status, i) => [status, counts[i] ?? 0]));
    },
  };
}

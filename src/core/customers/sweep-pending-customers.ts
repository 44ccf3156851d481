import type { Clock } from '../shared/clock.js';
import { isDomainError } from '../shared/errors.js';
import { completeWonLead } from './complete-won-lead.js';
import type { StageDeps } from './ports.js';

// A 成交's finishing steps follow its write within milliseconds; a lead still marked after this lost them in a crash.
export const PENDING_CUSTOMER_GRACE_MS = 30_000;
export const PENDING_CUSTOMER_SWEEP_INTERVAL_MS = 60_000;
const BATCH = 100;

/**
 * Finishes every won lead left `customerPending` after a crash (the job runs it): its customer, its order, the
 * hand-off card, then the mark cleared. Idempotent, so two instances running it at once make one of each. Returns
 * how many leads it finished.
 */
export async function sweepPendingCustomers(
  deps: Pick<StageDeps, 'customers' | 'orders' | 'pendingCustomers' | 'members' | 'notifier'> & {
    readonly clock: Clock;
  },
): Promise<number> {
  const before = new Date(deps.clock.now().getTime() - PENDING_CUSTOMER_GRACE_MS);
  const leads = await deps.pendingCustomers.pending(before, BATCH);
  let finished = 0;
  for (const lead of leads) {
    try {
      if (await completeWonLead(deps, lead)) finished++;
    } catch (error) {
      // A contract another lead took clears its own mark; other leads of the batch are still finished.
      if (!isDomainError(error)) throw error;
    }
  }
  return finished;
}

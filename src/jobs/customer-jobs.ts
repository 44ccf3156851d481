import {
  PENDING_CUSTOMER_SWEEP_INTERVAL_MS,
  type StageDeps,
  sweepPendingCustomers,
} from '../core/customers/index.js';
import type { JobDefinition } from './job-definition.js';

/**
 * The customers domain's job list: the sweep that finishes a 成交 whose customer, order or hand-off a crash left
 * undone (idempotent, so two instances may run it at once). Runs after the lead jobs; its cards go with the next
 * delivery.
 */
export function customerJobs(deps: Omit<StageDeps, 'leads'>): JobDefinition[] {
  return [
    {
      name: 'customers.pending-sweep',
      intervalMs: PENDING_CUSTOMER_SWEEP_INTERVAL_MS,
      run: async () => {
        await sweepPendingCustomers(deps);
      },
    },
  ];
}

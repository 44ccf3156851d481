import { assertCan, type Caller } from '../org/index.js';
import { type DomainError, isDomainError } from '../shared/errors.js';
import { createOrder, type OrderDeps } from './create-order.js';
import type { Order } from './customer-types.js';

/** At most this many orders per call, as lead batches (the import sends 500 by default). */
export const MAX_ORDER_BATCH = 1_000;

export type OrderBatchItem = { readonly input: unknown; readonly requestKey?: string };
export type OrderBatchOutcome =
  | { readonly order: Order; readonly created: boolean }
  | { readonly refused: DomainError };

/**
 * Many orders, each through createOrder (its own idempotency, its own refusal), in order: one order's bad field or
 * clash is that item's outcome and the others go in. The org's active members are read once for the whole batch,
 * so owners named in an import cost no command per row.
 */
export async function createOrders(
  deps: OrderDeps,
  caller: Caller,
  items: readonly OrderBatchItem[],
): Promise<OrderBatchOutcome[]> {
  assertCan(caller, 'order.create');
  const members = await deps.members.list(caller.org.id, { activeOnly: true });
  const roster: OrderDeps['members'] = {
    get: async (_org, id) => members.find((m) => m.id === id),
    list: async () => members,
  };
  const outcomes: OrderBatchOutcome[] = [];
  for (const item of items) {
    const input = { order: item.input, ...(item.requestKey ? { requestKey: item.requestKey } : {}) };
    try {
      outcomes.push(await createOrder({ ...deps, members: roster }, caller, input));
    } catch (error) {
      if (!isDomainError(error)) throw error;
      outcomes.push({ refused: error });
    }
  }
  return outcomes;
}

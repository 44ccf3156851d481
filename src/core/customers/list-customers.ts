import { type Caller, dataScope } from '../org/index.js';
import { DomainError } from '../shared/errors.js';
import type { CustomerId } from '../shared/ids.js';
import type { Customer, Order } from './customer-types.js';
import type { CustomerQuery, StageDeps } from './ports.js';

type ReadDeps = Pick<StageDeps, 'customers' | 'orders'>;

/**
 * The customer filter of the caller's data scope (core/org/data-scope.ts, as exports apply it): reps their own,
 * managers their teams' (and own), directors, admins and after-sales all (complaints come in on any order).
 */
function scopeQuery(caller: Caller): Omit<CustomerQuery, 'limit' | 'before'> {
  const scope = dataScope(caller).customers;
  if (scope.kind === 'org') return {};
  if (scope.kind === 'team') return { ownerId: scope.memberId, teamIds: scope.teamIds };
  if (scope.kind === 'own') return { ownerId: scope.memberId };
  throw new DomainError('FORBIDDEN', { action: 'lead.read' });
}

const inScope = (q: Omit<CustomerQuery, 'limit' | 'before'>, c: Customer): boolean =>
  (!q.ownerId && !q.teamIds) ||
  c.ownerId === q.ownerId ||
  (q.teamIds !== undefined && c.teamId !== undefined && q.teamIds.includes(c.teamId));

/** `GET /customers`: a page of the customers the caller may see, newest first. */
export async function listCustomers(
  deps: ReadDeps,
  caller: Caller,
  input: { readonly limit: number; readonly before?: CustomerId },
): Promise<Customer[]> {
  const query = scopeQuery(caller);
  return deps.customers.list(caller.org.id, {
    ...query,
    limit: input.limit,
    ...(input.before ? { before: input.before } : {}),
  });
}

/** `GET /customers/:id`: one customer with its orders, for whoever may see it (else as if it did not exist). */
export async function getCustomer(
  deps: ReadDeps,
  caller: Caller,
  input: { readonly customerId: CustomerId },
): Promise<{ customer: Customer; orders: Order[] }> {
  const customer = await deps.customers.get(caller.org.id, input.customerId);
  if (!customer || !inScope(scopeQuery(caller), customer)) {
    throw new DomainError('CUSTOMER_NOT_FOUND', { customerId: input.customerId });
  }
  return { customer, orders: await deps.orders.listByCustomer(caller.org.id, customer.id, 200) };
}

/** `GET /orders?customer=`: a customer's orders (the after-sales issue names orders from these). */
export async function listOrders(
  deps: ReadDeps,
  caller: Caller,
  input: { readonly customerId: CustomerId },
): Promise<Order[]> {
  return (await getCustomer(deps, caller, input)).orders;
}

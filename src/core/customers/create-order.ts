import { assertCan, type Caller, can, type Member, type MemberRepository } from '../org/index.js';
import { DomainError } from '../shared/errors.js';
import { customerId, memberId } from '../shared/ids.js';
import type { Customer, Order } from './customer-types.js';
import { type OrderInput, type ParsedOrderInput, parseOrderInput } from './order-input.js';
import type { StageDeps } from './ports.js';

export type OrderDeps = Pick<StageDeps, 'customers' | 'orders' | 'clock'> & {
  readonly members: Pick<MemberRepository, 'get' | 'list'>;
};
/** The order as sent (checked here, every bad field at once) and the request's Idempotency-Key. */
export type CreateOrderInput = { readonly order: OrderInput | unknown; readonly requestKey?: string };
type Given = ParsedOrderInput & { readonly signedOn: Date; readonly requestKey?: string };

const HEX_ID = /^[0-9a-f]{24}$/i;

/**
 * 订单 entered by API or import (`POST /orders`, the order import): admins, directors, after-sales managers, and
 * managers for themselves or their teams' members. Idempotent by the Idempotency-Key and by the order's number:
 * the same content again answers the stored order (`created: false`), other content is refused naming the number.
 * One write per document: the customer (by id, or found or made by company name in one upsert), then the order
 * (one insert whose unique indexes decide a race), so a crash between the two is completed by the retry, which
 * finds the customer by its name. At most 4 database commands.
 */
export async function createOrder(
  deps: OrderDeps,
  caller: Caller,
  input: CreateOrderInput,
): Promise<{ order: Order; created: boolean }> {
  assertCan(caller, 'order.create');
  const { requestKey } = input;
  const given: Given = {
    ...parseOrderInput(input.order, caller.org.settings.timeZone),
    ...(requestKey ? { requestKey } : {}),
  };
  const keys = { number: given.number, contractNo: given.contractNo, ...(requestKey ? { requestKey } : {}) };
  const stored = await deps.orders.findClashes(caller.org.id, keys);
  if (stored.length > 0) return { order: await replayed(deps, caller, given, stored), created: false };
  const owner = await ownerOf(deps, caller, given.owner);
  const customer = await customerOf(deps, caller, given, owner);
  const written = await deps.orders.insertNumbered(orderOf(deps, caller, given, customer, owner));
  if ('order' in written) return { order: written.order, created: true };
  // Another intake of the same number, contract or key won between our read and our insert: answer as a replay.
  const now = await deps.orders.findClashes(caller.org.id, keys);
  return { order: await replayed(deps, caller, given, now), created: false };
}

/** The stored order a repeat answers with, or the refusal naming what clashes (key, number, then contract). */
async function replayed(deps: OrderDeps, caller: Caller, given: Given, stored: readonly Order[]) {
  const byKey = given.requestKey ? stored.find((o) => o.requestKey === given.requestKey) : undefined;
  const byNumber = stored.find((o) => o.number === given.number);
  const candidate = byKey ?? byNumber;
  if (candidate && (await sameOrder(deps, caller, candidate, given))) return candidate;
  if (byKey) throw new DomainError('ORDER_KEY_REUSED', { key: given.requestKey, number: byKey.number });
  if (byNumber) throw new DomainError('ORDER_NUMBER_TAKEN', { number: given.number, orderId: byNumber.id });
  const byContract = stored.find((o) => o.contractNo === given.contractNo);
  throw new DomainError('CONTRACT_NO_TAKEN', {
    contractNo: given.contractNo,
    orderNumber: byContract?.number,
  });
}

/** Whether the stored order says what the input says (a retry), the customer compared by id or by its name. */
async function sameOrder(deps: OrderDeps, caller: Caller, o: Order, given: Given): Promise<boolean> {
  const same =
    o.number === given.number &&
    o.contractNo === given.contractNo &&
    o.amount === given.amount &&
    (o.items ?? undefined) === given.items &&
    o.signedAt.getTime() === given.signedOn.getTime() &&
    (given.owner === undefined || given.owner === o.ownerId || given.owner === o.ownerName);
  if (!same) return false;
  if (given.customerId) return o.customerId === given.customerId.toLowerCase();
  return (await deps.customers.get(caller.org.id, o.customerId))?.name === given.customer;
}

/** The order's owner: the member named (by id or exact name, active), else the caller; a manager's own teams only. */
async function ownerOf(
  deps: OrderDeps,
  caller: Caller,
  owner: string | undefined,
): Promise<Member | undefined> {
  const member = owner === undefined ? caller.member : await memberNamed(deps, caller, owner);
  if (owner !== undefined && !member) throw new DomainError('ORDER_OWNER_NOT_FOUND', { owner });
  if (member && !can(caller, 'order.create_any_owner') && member.id !== caller.member?.id) {
    const teams = [caller.member?.teamId, ...(caller.managedTeamIds ?? [])];
    if (!member.teamId || !teams.includes(member.teamId))
      throw new DomainError('FORBIDDEN', { action: 'order.create_any_owner', owner });
  }
  return member;
}

async function memberNamed(deps: OrderDeps, caller: Caller, owner: string) {
  const found = HEX_ID.test(owner)
    ? await deps.members.get(caller.org.id, memberId(owner.toLowerCase()))
    : (await deps.members.list(caller.org.id, { activeOnly: true })).find((m) => m.name === owner);
  return found?.active ? found : undefined;
}

/** The customer by id (it must exist), or the org's customer of that company name, made if there is none. */
async function customerOf(deps: OrderDeps, caller: Caller, given: Given, owner: Member | undefined) {
  if (given.customerId) {
    const id = customerId(given.customerId.toLowerCase());
    const found = await deps.customers.get(caller.org.id, id);
    if (!found) throw new DomainError('CUSTOMER_NOT_FOUND', { customerId: id });
    return found;
  }
  const name = given.customer ?? '';
  return deps.customers.ensureByName({
    id: deps.customers.newId(),
    orgId: caller.org.id,
    name,
    company: name,
    intakeName: name,
    contacts: [],
    ...ownedBy(owner),
    createdAt: deps.clock.now(),
  });
}

const ownedBy = (owner: Member | undefined) =>
  owner
    ? { ownerId: owner.id, ownerName: owner.name, ...(owner.teamId ? { teamId: owner.teamId } : {}) }
    : {};

function orderOf(deps: OrderDeps, caller: Caller, given: Given, customer: Customer, owner?: Member): Order {
  return {
    id: deps.orders.newId(),
    orgId: caller.org.id,
    number: given.number,
    customerId: customer.id,
    ...(given.requestKey ? { requestKey: given.requestKey } : {}),
    ...(given.items ? { items: given.items } : {}),
    amount: given.amount,
    contractNo: given.contractNo,
    signedAt: given.signedOn,
    ...ownedBy(owner),
    createdAt: deps.clock.now(),
  };
}

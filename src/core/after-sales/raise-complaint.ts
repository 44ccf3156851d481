import { z } from 'zod';
import { assertCan, type Caller } from '../org/index.js';
import { DomainError } from '../shared/errors.js';
import { customerId as toCustomerId } from '../shared/ids.js';
import { textField } from '../shared/text-field.js';
import { parseInput } from '../shared/validate.js';
import { actorOf } from './after-sales-access.js';
import { complaintRaisedNotices } from './after-sales-notices.js';
import { COMPLAINT_COUNTER, complaintCodeOf } from './after-sales-refs.js';
import { slaHoursOf } from './after-sales-settings.js';
import { type AfterSalesOrder, type Complaint, PRIORITIES, type Reporter } from './after-sales-types.js';
import { assigneesOf, complaintCentreOf } from './list-assignees.js';
import type { AfterSalesDeps, NewComplaint } from './ports.js';

export const raiseComplaintSchema = z.strictObject({
  customerId: z.string().trim().min(1).max(100),
  orderNumber: z.string().trim().min(1).max(60),
  priority: z.enum(PRIORITIES).default('normal'),
  category: textField().trim().min(1).max(40),
  description: textField({ multiLine: true }).min(1).max(4000),
  /** The chat event id or the API's Idempotency-Key: a retry raises nothing twice. */
  requestKey: textField().min(1).max(200).optional(),
});

export type RaiseComplaintInput = z.input<typeof raiseComplaintSchema>;

/** What the refusal of a wrong order lists: the customer's own orders to choose from. */
export type OrderChoice = { readonly number: string; readonly items?: string; readonly signedAt: string };

export const orderChoices = (orders: readonly AfterSalesOrder[]): OrderChoice[] =>
  orders.map((o) => ({
    number: o.number,
    ...(o.items !== undefined ? { items: o.items } : {}),
    signedAt: o.signedAt.toISOString(),
  }));

/**
 * A member or an API client raises a complaint (客户投诉) on one of the customer's own orders. An unknown order, or
 * another customer's, is refused with the customer's orders to choose from (a select menu, numbered choices).
 * Four database commands: the order (with its customer, and the centre's staff with their open task counts: the
 * card's buttons and the managers' DMs); the counter; the insert; the outbox. A retry with the same request key
 * returns the complaint raised first.
 */
export async function raiseComplaint(
  deps: AfterSalesDeps,
  caller: Caller,
  input: RaiseComplaintInput,
): Promise<{ complaint: Complaint; created: boolean }> {
  assertCan(caller, 'complaint.raise');
  const given = parseInput(raiseComplaintSchema, input);
  const org = caller.org;
  const customer = toCustomerId(given.customerId);
  const number = given.orderNumber.normalize('NFKC').toUpperCase();
  const found = await deps.orders.findWithStaff(org.id, number);
  if (!found || found.order.customerId !== customer) {
    const own = await deps.orders.listByCustomer(org.id, customer);
    if (own.length === 0) throw new DomainError('COMPLAINT_CUSTOMER_UNKNOWN', { customerId: customer });
    throw new DomainError('COMPLAINT_ORDER_NOT_OF_CUSTOMER', {
      orderNumber: given.orderNumber,
      customerName: own[0]?.customerName,
      choices: orderChoices(own),
    });
  }
  const now = deps.clock.now();
  const reporter: Reporter = caller.member
    ? { kind: 'member', memberId: caller.member.id, name: caller.member.name }
    : { kind: 'api' };
  const { order, staff } = found;
  // Drawn only once the order is the customer's: a refused complaint takes no number.
  const n = await deps.counters.reserve(org.id, COMPLAINT_COUNTER, 1);
  const record: NewComplaint = {
    orgId: org.id,
    code: complaintCodeOf(n),
    customerId: order.customerId,
    customerName: order.customerName,
    ...(order.ownerId ? { customerOwnerId: order.ownerId } : {}),
    order: {
      id: order.id,
      number: order.number,
      ...(order.items !== undefined ? { items: order.items } : {}),
      amount: order.amount,
      contractNo: order.contractNo,
      signedAt: order.signedAt,
    },
    priority: given.priority,
    category: given.category,
    description: given.description,
    reporter,
    status: 'unassigned',
    round: 0,
    history: [{ at: now, to: 'unassigned', by: actorOf(caller) }],
    version: 1,
    createdAt: now,
    ...(given.requestKey ? { requestKey: given.requestKey } : {}),
  };
  const inserted = await deps.complaints.insert(record);
  const complaint =
    'complaint' in inserted
      ? inserted.complaint
      : await deps.complaints.findByRequestKey(org.id, given.requestKey ?? '');
  if (!complaint) throw new DomainError('CONFLICT', { requestKey: given.requestKey });
  // Published again on a retry: the notice keys make the second publish a no-op, and a crash's lost card is sent.
  const card = { slaHours: slaHoursOf(org, complaint.priority), assignees: assigneesOf(staff) };
  await deps.notifier.publish(org.id, complaintRaisedNotices(complaint, complaintCentreOf(org, staff), card));
  return { complaint, created: 'complaint' in inserted };
}

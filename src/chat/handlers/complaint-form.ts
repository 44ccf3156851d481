import {
  findComplaintCustomer,
  type OrderChoice,
  PRIORITIES,
  type Priority,
  raiseComplaint,
} from '../../core/after-sales/index.js';
import { isDomainError } from '../../core/shared/errors.js';
import type { Form } from '../card.js';
import { canonicalOrderNumber } from '../complaint-grammar.js';
import type { HandlerContext, SubmitHandler } from '../registry.js';
import { type ComplaintChatDeps, coreDepsOf } from './complaint-flow.js';

/** Routes a submitted complaint form to complaintSubmit. */
export const COMPLAINT_FORM = 'complaint.raise';

/** The complaint as a form (a Slack modal): customer, order number, priority, category, description. */
export function complaintForm(ctx: HandlerContext): Form {
  const f = ctx.texts.complaintChat.form;
  const priorities = ctx.texts.afterSales.priorities;
  return {
    id: COMPLAINT_FORM,
    title: f.title,
    submitLabel: f.submit,
    meta: '',
    fields: [
      { kind: 'text', id: 'customer', label: f.customer, placeholder: f.customerHint },
      { kind: 'text', id: 'orderNumber', label: f.orderNumber, placeholder: 'SO-2024-017' },
      {
        kind: 'select',
        id: 'priority',
        label: f.priority,
        options: PRIORITIES.map((p) => ({ value: p, label: priorities[p] })),
        initial: 'normal',
      },
      { kind: 'text', id: 'category', label: f.category, optional: true },
      { kind: 'text', id: 'description', label: f.description, multiline: true },
    ],
  };
}

/**
 * A submitted complaint form. What is wrong is answered beside its field, inside Slack's HTTP answer (the modal
 * stays open): a missing part, a customer that is unknown or ambiguous, and an order that is not the customer's,
 * naming the customer's own order numbers. A good one is raised (keyed by the submission, so a re-delivery raises
 * it once) and the receipt goes to the member's DM.
 */
export function complaintSubmit(deps: ComplaintChatDeps): SubmitHandler {
  return async (ctx, event) => {
    const f = ctx.texts.complaintChat.form;
    const v = event.values;
    const errors: Record<string, string> = {};
    for (const id of ['customer', 'orderNumber', 'description'] as const)
      if (!v[id]?.trim()) errors[id] = f.required;
    const priority = PRIORITIES.find((p) => p === (v.priority ?? 'normal')) as Priority | undefined;
    if (!priority) errors.priority = f.unknownChoice;
    const orderNumber = v.orderNumber?.trim() ? canonicalOrderNumber(v.orderNumber) : undefined;
    if (v.orderNumber?.trim() && !orderNumber) errors.orderNumber = f.wrongOrder([]);
    const customer = v.customer?.trim() ? await customerOf(deps, ctx, v.customer, errors) : undefined;
    if (Object.keys(errors).length > 0 || !customer || !orderNumber || !priority)
      return { replies: [], fieldErrors: errors };
    try {
      const { complaint } = await raiseComplaint(coreDepsOf(deps), ctx.caller, {
        customerId: customer,
        orderNumber,
        priority,
        category: v.category?.trim() || ctx.texts.complaintChat.uncategorized,
        description: v.description ?? '',
        requestKey: event.eventId,
      });
      const p = ctx.texts.afterSales.priorities[complaint.priority];
      const text = ctx.texts.complaintChat.raised(
        complaint.code,
        complaint.customerName,
        complaint.order.number,
        p,
      );
      return { replies: [{ text }] };
    } catch (error) {
      if (!isDomainError(error)) throw error;
      if (error.code === 'COMPLAINT_ORDER_NOT_OF_CUSTOMER') {
        const choices = (error.details.choices ?? []) as OrderChoice[];
        return { replies: [], fieldErrors: { orderNumber: f.wrongOrder(choices.map((c) => c.number)) } };
      }
      if (error.code !== 'COMPLAINT_CUSTOMER_UNKNOWN') throw error;
      return { replies: [], fieldErrors: { customer: ctx.texts.errors[error.code](error.details) } };
    }
  };
}

/** The customer's id, or the reason beside the customer field (unknown, or several alike). */
async function customerOf(
  deps: ComplaintChatDeps,
  ctx: HandlerContext,
  typed: string,
  errors: Record<string, string>,
): Promise<string | undefined> {
  try {
    const match = await findComplaintCustomer({ customers: deps.complaintCustomers }, ctx.caller, typed);
    if (match.kind === 'one') return match.customer.id;
    errors.customer = ctx.texts.complaintChat.form.ambiguousCustomer(match.customers.map((c) => c.name));
  } catch (error) {
    if (!isDomainError(error) || error.code !== 'COMPLAINT_CUSTOMER_NOT_FOUND') throw error;
    errors.customer = ctx.texts.errors[error.code](error.details);
  }
  return undefined;
}

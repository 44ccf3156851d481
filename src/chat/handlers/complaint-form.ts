import {
  findComplaintCustomer,
  type OrderChoice,
  PRIORITIES,
  type Priority,
  type RaiseComplaintInput,
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
  // The org's list when it has one (a select), else free text.
  const categories = ctx.org.settings.afterSales?.categories;
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
      categories?.length
        ? {
            kind: 'select',
            id: 'category',
            label: f.category,
            optional: true,
            options: categories.map((c) => ({ value: c, label: c })),
          }
        : { kind: 'text', id: 'category', label: f.category, optional: true },
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
    const checked = await checkedValues(deps, ctx, event.values);
    if ('fieldErrors' in checked) return { replies: [], fieldErrors: checked.fieldErrors };
    try {
      const { complaint } = await raiseComplaint(coreDepsOf(deps), ctx.caller, {
        ...checked,
        requestKey: event.eventId,
      });
      const p = ctx.texts.afterSales.priorities[complaint.priority];
      const { code, customerName, order } = complaint;
      return { replies: [{ text: ctx.texts.complaintChat.raised(code, customerName, order.number, p) }] };
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

/** The form's values as the raise's input, or what is wrong by field (the order's owner is checked by the raise). */
async function checkedValues(
  deps: ComplaintChatDeps,
  ctx: HandlerContext,
  v: Readonly<Record<string, string>>,
): Promise<RaiseComplaintInput | { fieldErrors: Record<string, string> }> {
  const f = ctx.texts.complaintChat.form;
  const errors: Record<string, string> = {};
  for (const id of ['customer', 'orderNumber', 'description'] as const)
    if (!v[id]?.trim()) errors[id] = f.required;
  const priority = PRIORITIES.find((p) => p === (v.priority ?? 'normal')) as Priority | undefined;
  if (!priority) errors.priority = f.unknownChoice;
  const listed = ctx.org.settings.afterSales?.categories;
  const category = v.category?.trim();
  if (category && listed?.length && !listed.includes(category)) errors.category = f.unknownChoice;
  const orderNumber = v.orderNumber?.trim() ? canonicalOrderNumber(v.orderNumber) : undefined;
  if (v.orderNumber?.trim() && !orderNumber) errors.orderNumber = f.wrongOrder([]);
  const customer = v.customer?.trim() ? await customerOf(deps, ctx, v.customer, errors) : undefined;
  if (Object.keys(errors).length > 0 || !customer || !orderNumber || !priority)
    return { fieldErrors: errors };
  return {
    customerId: customer,
    orderNumber,
    priority,
    category: category || ctx.texts.complaintChat.uncategorized,
    description: v.description ?? '',
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

import {
  type AfterSalesDeps,
  type AfterSalesOrders,
  type ComplaintCustomers,
  findComplaintCustomer,
  type OrderChoice,
  orderChoices,
  PRIORITIES,
  type Priority,
  raiseComplaint,
} from '../../core/after-sales/index.js';
import { DomainError, isDomainError } from '../../core/shared/errors.js';
import { type CustomerId, customerId } from '../../core/shared/ids.js';
import { wallTimeOf } from '../../core/shared/zoned-time.js';
import type { OutboundMessage } from '../card.js';
import { type ChatDraftStore, DRAFT_TTL_MS } from '../drafts/draft-types.js';
import type { HandlerContext, HandlerResult } from '../registry.js';
import { COMPLAINT_ACTIONS } from '../render/complaint-card.js';

// The steps every way of raising a complaint in chat shares (the one line, the answers to its questions, Slack's
// select menu): resolve the customer, then raise it when the order and the description are given, asking for the
// first part still missing, one at a time, as the follow-up exchange does.

/** The chat side's deps: after-sales' own, with its order reader under the name storage gives it. */
export type ComplaintChatDeps = Omit<AfterSalesDeps, 'orders'> & {
  readonly afterSalesOrders: AfterSalesOrders;
  readonly complaintCustomers: ComplaintCustomers;
  readonly drafts: ChatDraftStore;
};

export const coreDepsOf = (deps: ComplaintChatDeps): AfterSalesDeps => ({
  ...deps,
  orders: deps.afterSalesOrders,
});

/** What the member gave so far; the draft keeps it as strings (choices as JSON). */
export type ComplaintGiven = {
  readonly customerText?: string;
  readonly customerId?: string;
  readonly customerName?: string;
  readonly orderNumber?: string;
  readonly priority?: Priority;
  readonly category?: string;
  readonly description?: string;
  /** The customer's word and the description together (complaint-grammar.ts), for an order that names the customer. */
  readonly together?: string;
};

export type ComplaintAsking = 'customer' | 'whichCustomer' | 'order' | 'description';

export type ComplaintStep = {
  readonly conversation: string;
  /** The exchange's key: the raise's requestKey, so a retried answer raises nothing twice. */
  readonly draftId: string;
  readonly given: ComplaintGiven;
  /** The platform draws a select menu for the order (Slack, answering a slash command or a click). */
  readonly canSelect: boolean;
};

/** Raises the complaint when nothing is missing and the order is the customer's; else asks for what is missing. */
export async function continueComplaint(
  deps: ComplaintChatDeps,
  ctx: HandlerContext,
  step: ComplaintStep,
): Promise<HandlerResult> {
  const resolved = await withCustomer(deps, ctx, step);
  if ('replies' in resolved) return resolved;
  const given = resolved.given;
  if (!given.orderNumber) {
    const own = await deps.afterSalesOrders.listByCustomer(ctx.org.id, customerIdOf(given));
    if (own.length === 0)
      throw new DomainError('COMPLAINT_CUSTOMER_UNKNOWN', { customerId: given.customerId });
    return askOrder(deps, ctx, { ...step, given }, orderChoices(own), undefined);
  }
  if (!given.description)
    return ask(deps, ctx, { ...step, given }, 'description', {}, [t(ctx).ask.description]);
  try {
    const { complaint } = await raiseComplaint(coreDepsOf(deps), ctx.caller, {
      customerId: customerIdOf(given),
      orderNumber: given.orderNumber,
      priority: given.priority ?? 'normal',
      category: given.category ?? t(ctx).uncategorized,
      description: given.description,
      requestKey: step.draftId,
    });
    const priority = ctx.texts.afterSales.priorities[complaint.priority];
    const text = t(ctx).raised(complaint.code, complaint.customerName, complaint.order.number, priority);
    return { replies: [{ text }] };
  } catch (error) {
    if (!isDomainError(error) || error.code !== 'COMPLAINT_ORDER_NOT_OF_CUSTOMER') throw error;
    const choices = (error.details.choices ?? []) as OrderChoice[];
    const { orderNumber: typed, ...rest } = given;
    return askOrder(deps, ctx, { ...step, given: rest }, choices, typed);
  }
}

/** The given parts with the customer resolved, or the question to ask about the customer. */
async function withCustomer(
  deps: ComplaintChatDeps,
  ctx: HandlerContext,
  step: ComplaintStep,
): Promise<{ given: ComplaintGiven } | HandlerResult> {
  const { given } = step;
  if (given.customerId) return { given };
  const typed = given.customerText?.trim();
  if (!typed) {
    const byOrder = await customerOfOrder(deps, ctx, given);
    return byOrder ? { given: byOrder } : ask(deps, ctx, step, 'customer', {}, [t(ctx).ask.customer]);
  }
  try {
    const match = await findComplaintCustomer({ customers: deps.complaintCustomers }, ctx.caller, typed);
    if (match.kind === 'one') {
      const { customer } = match;
      return { given: { ...given, customerId: customer.id, customerName: customer.name } };
    }
    const lines = match.customers.map((c, i) => t(ctx).customerChoice(i + 1, c.name)).join('\n');
    const choices = JSON.stringify(match.customers.map((c) => [c.id, c.name]));
    return ask(deps, ctx, step, 'whichCustomer', { choices }, [t(ctx).ask.whichCustomer(typed, lines)]);
  } catch (error) {
    if (!isDomainError(error) || error.code !== 'COMPLAINT_CUSTOMER_NOT_FOUND') throw error;
    // "/投诉 SO-1001 设备无法开机": no customer is called 设备无法开机; the order says whose it is.
    const byOrder = await customerOfOrder(deps, ctx, {
      ...given,
      ...(given.together ? { description: given.together } : {}),
    });
    if (byOrder) return { given: byOrder };
    const { customerText: _, ...rest } = given;
    return ask(deps, ctx, { ...step, given: rest }, 'customer', {}, [t(ctx).customerNotFound(typed)]);
  }
}

/** The order's customer, when an order number was given without a customer who could be found. */
async function customerOfOrder(
  deps: ComplaintChatDeps,
  ctx: HandlerContext,
  given: ComplaintGiven,
): Promise<ComplaintGiven | undefined> {
  if (!given.orderNumber) return undefined;
  const order = await deps.afterSalesOrders.findByNumber(ctx.org.id, given.orderNumber);
  if (!order) return undefined;
  const { customerText: _, together: __, ...rest } = given;
  return { ...rest, customerId: order.customerId, customerName: order.customerName };
}

/** Asks for the order: numbered choices, and on Slack a select menu of the same orders. */
function askOrder(
  deps: ComplaintChatDeps,
  ctx: HandlerContext,
  step: ComplaintStep,
  choices: readonly OrderChoice[],
  wrong: string | undefined,
): Promise<HandlerResult> {
  const customer = step.given.customerName ?? '';
  const lines = choices
    .map((c, i) =>
      t(ctx).choice(i + 1, {
        number: c.number,
        ...(c.items ? { items: c.items } : {}),
        signedOn: wallTimeOf(new Date(c.signedAt), ctx.org.settings.timeZone),
      }),
    )
    .join('\n');
  const data = { choices: JSON.stringify(choices.map((c) => c.number)) };
  if (step.canSelect) {
    const text = wrong ? t(ctx).wrongOrderPick(wrong, customer) : t(ctx).pickOrder(customer);
    const select = {
      actionId: COMPLAINT_ACTIONS.chooseOrder,
      placeholder: t(ctx).chooseOrder,
      options: choices.map((c, i) => ({
        value: c.number,
        label: lines.split('\n')[i]?.slice(0, 75) ?? c.number,
      })),
    };
    return ask(deps, ctx, step, 'order', data, [{ text, select }]);
  }
  const text = wrong ? t(ctx).wrongOrder(wrong, customer, lines) : t(ctx).ask.order(customer, lines);
  return ask(deps, ctx, step, 'order', data, [text]);
}

/** Keeps what was given in the member's draft for this conversation, asking for one part. */
async function ask(
  deps: ComplaintChatDeps,
  ctx: HandlerContext,
  step: ComplaintStep,
  asking: ComplaintAsking,
  extra: Readonly<Record<string, string>>,
  replies: readonly (string | OutboundMessage)[],
): Promise<HandlerResult> {
  await deps.drafts.save({
    id: step.draftId,
    orgId: ctx.org.id,
    memberId: ctx.member.id,
    conversation: step.conversation,
    kind: 'complaint',
    data: { ...dataOfGiven(step.given), ...extra },
    asking,
    expiresAt: new Date(deps.clock.now().getTime() + DRAFT_TTL_MS),
  });
  return { replies: replies.map((r) => (typeof r === 'string' ? { text: r } : r)) };
}

export function dataOfGiven(given: ComplaintGiven): Record<string, string> {
  return Object.fromEntries(Object.entries(given).filter(([, v]) => typeof v === 'string' && v !== ''));
}

export function givenOfData(data: Readonly<Record<string, string>>): ComplaintGiven {
  const { choices: _, priority, ...rest } = data;
  const known = PRIORITIES.find((p) => p === priority);
  return { ...rest, ...(known ? { priority: known } : {}) };
}

const customerIdOf = (given: ComplaintGiven): CustomerId => customerId(given.customerId ?? '');
const t = (ctx: HandlerContext) => ctx.texts.complaintChat;

import { assignComplaint } from '../../core/after-sales/index.js';
import { memberId } from '../../core/shared/ids.js';
import { conversationOf } from '../events.js';
import type { ActionHandler } from '../registry.js';
import { type ComplaintChatDeps, continueComplaint, givenOfData } from './complaint-flow.js';

/**
 * A staff member's button on the complaint centre card ("许亮 · 2 单"): the manager assigns the complaint to them.
 * The use-case decides the race (of two managers at once one wins, the other is told who assigned it) and refuses
 * anyone but an after-sales manager; every copy of the card is updated through the outbox.
 */
export function assignComplaintAction(deps: ComplaintChatDeps): ActionHandler {
  return async (ctx, event) => {
    const [complaint = '', assignee = ''] = event.value.split(':');
    const { task } = await assignComplaint({ ...deps, orders: deps.afterSalesOrders }, ctx.caller, {
      complaint,
      assigneeId: memberId(assignee),
    });
    return { replies: [{ text: ctx.texts.complaintChat.assignedReply(task.assigneeName, task.code) }] };
  };
}

/**
 * An order chosen in Slack's select menu, answering the refusal of a wrong order (or the question which order):
 * the member's complaint draft in that conversation is taken (one atomic write, so a double choice raises once)
 * and continued with the chosen order.
 */
export function chooseComplaintOrderAction(deps: ComplaintChatDeps): ActionHandler {
  return async (ctx, event) => {
    const conversation = conversationOf(event);
    const draft = await deps.drafts.take(ctx.org.id, ctx.member.id, conversation);
    // Another kind of draft waiting in this conversation is put back, untouched.
    if (draft && draft.kind !== 'complaint') await deps.drafts.save(draft);
    const live = draft?.kind === 'complaint' && draft.expiresAt > deps.clock.now() ? draft : undefined;
    if (!live) return { replies: [{ text: ctx.texts.drafts.expired }] };
    const given = { ...givenOfData(live.data), orderNumber: event.value };
    return continueComplaint(deps, ctx, { conversation, draftId: live.id, given, canSelect: true });
  };
}

import { parseComplaintLine } from '../complaint-grammar.js';
import { conversationOf } from '../events.js';
import type { CommandHandler } from '../registry.js';
import { type ComplaintChatDeps, continueComplaint } from './complaint-flow.js';
import { complaintForm } from './complaint-form.js';
import { argumentText } from './follow-up-command.js';

/**
 * `/投诉 上海云启 SO-2024-017 紧急 设备无法开机` (`/complaint`): raises the complaint when the line says everything,
 * else asks for the missing part (the guided exchange, complaint-draft.ts). Another customer's order, or an unknown
 * one, is answered with the customer's orders to choose from: numbered, and on Slack in a select menu. On Slack the
 * bare command opens the complaint form (a modal) instead.
 */
export function complaintCommand(deps: ComplaintChatDeps): CommandHandler {
  return async (ctx, event) => {
    const text = argumentText(event.rawText);
    // The trigger expires 3 s after the command: the form is answered before any database work.
    if (!text.trim() && event.formTrigger) return { replies: [], form: complaintForm(ctx) };
    const parsed = parseComplaintLine(text);
    const given = {
      ...(parsed.customer ? { customerText: parsed.customer } : {}),
      ...(parsed.orderNumber ? { orderNumber: parsed.orderNumber } : {}),
      ...(parsed.priority ? { priority: parsed.priority } : {}),
      ...(parsed.category ? { category: parsed.category } : {}),
      ...(parsed.description ? { description: parsed.description } : {}),
      ...(parsed.customerAndDescription ? { together: parsed.customerAndDescription } : {}),
    };
    // The event's id keys the exchange: a platform's retry of this command raises nothing twice.
    return continueComplaint(deps, ctx, {
      conversation: conversationOf(event),
      draftId: event.eventId,
      given,
      canSelect: event.formTrigger !== undefined,
    });
  };
}

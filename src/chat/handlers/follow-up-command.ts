import { DomainError } from '../../core/shared/errors.js';
import { conversationOf } from '../events.js';
import { parseFollowUpLine } from '../follow-up-grammar.js';
import type { CommandHandler } from '../registry.js';
import { continueFollowUp, type FollowUpFlowDeps, grammarOptions, inputOf } from './follow-up-entry.js';
import { followUpForm } from './follow-up-form.js';
import { missingFieldsOf } from './follow-up-use-cases.js';

/**
 * `/跟进 L-1042 电话 约到试用 下次 明天上午10点 客户要报价单` (`/followup`): the one-line follow-up. Complete, it is
 * recorded and the reply repeats what was understood; with a required part missing, the bot asks for it (the
 * guided exchange, see follow-up-draft.ts). Where the platform opens forms (Slack), a missing part opens the form
 * instead, with what was typed filled in, since a Slack channel does not send the bot the plain answer.
 */
export function followUpCommand(deps: FollowUpFlowDeps): CommandHandler {
  return async (ctx, event) => {
    const parsed = parseFollowUpLine(argumentText(event.rawText), grammarOptions(ctx, deps.clock));
    if (!parsed.leadRef) throw new DomainError('BAD_COMMAND_ARGS', { command: 'followup' });
    const input = inputOf(parsed, parsed.leadRef);
    if (event.formTrigger && (await missingFieldsOf(deps, ctx.caller, input)).length > 0) {
      return { replies: [], form: followUpForm(ctx, parsed.leadRef, input) };
    }
    // The event's id keys the exchange: a platform's retry of this command cannot record it twice.
    return continueFollowUp(deps, ctx, {
      conversation: conversationOf(event),
      draftId: event.eventId,
      input,
    });
  };
}

/** What was typed after the command's name (and any leading @-mentions), exactly as typed. */
export function argumentText(rawText: string): string {
  const head = /^\s*(?:[@＠]\S*\s+)*\S+\s*/u.exec(rawText);
  return head ? rawText.slice(head[0].length) : '';
}

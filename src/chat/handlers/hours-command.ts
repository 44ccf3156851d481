import { assertCan, can } from '../../core/org/index.js';
import type { DraftAnswerer } from '../drafts/draft-text-handler.js';
import { DRAFT_TTL_MS } from '../drafts/draft-types.js';
import { conversationOf } from '../events.js';
import { parseCompletionTime, parseHoursAmount, parseHoursLine } from '../hours-grammar.js';
import type { CommandHandler } from '../registry.js';
import type { HoursPart } from '../texts/task-chat-texts.js';
import { argumentText } from './follow-up-command.js';
import { continueHours, givenOfData, type TaskChatDeps, timeOptions } from './hours-entry.js';
import { hoursForm } from './hours-form.js';

/**
 * `/工时 T-12 完成于 今天16:30 3.5小时 已更换电源模块` (`/hours T-12 done 16:30 3.5h …`): the one-line hours report.
 * Complete, it is reported and the reply repeats what was understood; with a part missing, the bot asks for it
 * (the guided exchange). Where the platform opens forms (Slack), a missing part opens the form instead, with what
 * was typed filled in, since a Slack channel does not send the bot the plain answer.
 */
export function hoursCommand(deps: TaskChatDeps): CommandHandler {
  return async (ctx, event) => {
    // Only those who work tasks report hours: anyone else is refused at once, not asked which task.
    if (!can(ctx.caller, 'task.work_any')) assertCan(ctx.caller, 'task.work');
    const given = parseHoursLine(argumentText(event.rawText), timeOptions(ctx, deps));
    const complete = given.taskRef && given.completedAt && given.hours !== undefined && given.result;
    if (event.formTrigger && given.taskRef && !complete)
      return { replies: [], form: hoursForm(ctx, given.taskRef, given) };
    // The event's id keys the exchange: one draft per command, however often the platform retries it.
    return continueHours(deps, ctx, { conversation: conversationOf(event), draftId: event.eventId, given });
  };
}

/**
 * The answer to a question of the hours exchange fills the part asked for (and keeps what was given before; an
 * answer to "which task" may carry the whole line); then the next part is asked, or the hours reported.
 */
export function hoursDraftAnswerer(deps: TaskChatDeps): DraftAnswerer {
  return async (ctx, draft, text) => {
    const asking = draft.asking as HoursPart;
    const before = givenOfData(draft.data);
    const heard = answerOf(asking, text, timeOptions(ctx, deps));
    if (heard === undefined) {
      await deps.drafts.save({ ...draft, expiresAt: new Date(deps.clock.now().getTime() + DRAFT_TTL_MS) });
      return { replies: [{ text: ctx.texts.taskChat.hours.notUnderstood[asking] }] };
    }
    return continueHours(deps, ctx, {
      conversation: draft.conversation,
      draftId: draft.id,
      given: { ...heard, ...before },
    });
  };
}

function answerOf(asking: HoursPart, text: string, options: ReturnType<typeof timeOptions>) {
  if (asking === 'task') {
    const line = parseHoursLine(text, options);
    return line.taskRef ? line : undefined;
  }
  if (asking === 'completedAt') {
    const at = parseCompletionTime(text, options);
    return at ? { completedAt: at } : undefined;
  }
  if (asking === 'hours') {
    const hours = parseHoursAmount(text);
    return hours !== undefined && hours > 0 ? { hours } : undefined;
  }
  return text.trim() ? { result: text.trim() } : undefined;
}

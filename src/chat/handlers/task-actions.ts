import {
  PAUSE_REASONS,
  type PauseReason,
  pauseTask,
  resumeTask,
  startTask,
} from '../../core/after-sales/index.js';
import { DomainError } from '../../core/shared/errors.js';
import { conversationOf } from '../events.js';
import type { ActionHandler } from '../registry.js';
import { formatTime } from '../render/render-context.js';
import { assertWorkable, continueHours, type TaskChatDeps } from './hours-entry.js';
import { hoursForm } from './hours-form.js';

// The assignee's buttons on the task card. Each calls its use-case (a retried click finds the step taken); the card
// itself is redrawn in place by the use-case's notice, and the reply to the clicker says what happened.

export function startTaskAction(deps: TaskChatDeps): ActionHandler {
  return async (ctx, event) => {
    const task = await startTask(deps, ctx.caller, { task: event.value });
    return { replies: [{ text: ctx.texts.taskChat.started(task.code) }] };
  };
}

/** `<task id>:<cause>`: waiting for the customer or for parts. */
export function pauseTaskAction(deps: TaskChatDeps): ActionHandler {
  return async (ctx, event) => {
    const [id = '', reason = ''] = event.value.split(':');
    if (!PAUSE_REASONS.includes(reason as PauseReason))
      throw new DomainError('UNKNOWN_ACTION', { actionId: event.actionId });
    const task = await pauseTask(deps, ctx.caller, { task: id, reason });
    return { replies: [{ text: ctx.texts.taskChat.paused(task.code, reason as PauseReason) }] };
  };
}

export function resumeTaskAction(deps: TaskChatDeps): ActionHandler {
  return async (ctx, event) => {
    const task = await resumeTask(deps, ctx.caller, { task: event.value });
    const due = formatTime(task.dueAt.toISOString(), {
      locale: ctx.locale,
      timeZone: ctx.org.settings.timeZone,
    });
    return { replies: [{ text: ctx.texts.taskChat.resumed(task.code, due) }] };
  };
}

/**
 * 填报工时: the hours form where the platform opens forms (Slack); elsewhere a filled example of the one-line
 * command, and the guided exchange starts by asking for the completion time.
 */
export function reportHoursAction(deps: TaskChatDeps): ActionHandler {
  return async (ctx, event) => {
    const task = await assertWorkable(deps, ctx, event.value);
    if (event.formTrigger) return { replies: [], form: hoursForm(ctx, task.code) };
    return continueHours(
      deps,
      ctx,
      { conversation: conversationOf(event), draftId: event.eventId, given: { taskRef: task.code } },
      [ctx.texts.taskChat.hours.example(task.code)],
    );
  };
}

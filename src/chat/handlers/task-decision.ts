import { decideHours, findTask, type Task } from '../../core/after-sales/index.js';
import { assertCan } from '../../core/org/index.js';
import { DomainError } from '../../core/shared/errors.js';
import type { Form } from '../card.js';
import type { DraftAnswerer } from '../drafts/draft-text-handler.js';
import { DRAFT_TTL_MS } from '../drafts/draft-types.js';
import { conversationOf } from '../events.js';
import { parseHoursAmount } from '../hours-grammar.js';
import type { ActionHandler, HandlerContext, HandlerResult, SubmitHandler } from '../registry.js';
import type { TaskChatDeps } from './hours-entry.js';

// The approval card's buttons (批准 / 调整工时 / 退回), for the after-sales managers. Two managers at once: the core's
// conditional write lets one decide; the other is told who did (TASK_ALREADY_DECIDED names them).

export const ADJUST_FORM = 'task.adjust';
export const RETURN_FORM = 'task.return';

type Decision =
  | { readonly decision: 'approve' }
  | { readonly decision: 'adjust'; readonly hours: number }
  | {
      readonly decision: 'return';
      readonly reason: string;
    };

/** Decides and says so to the manager; the cards of everyone concerned are the use-case's notices. */
async function decide(
  deps: TaskChatDeps,
  ctx: HandlerContext,
  ref: string,
  d: Decision,
): Promise<HandlerResult> {
  const task = await decideHours(deps, ctx.caller, { task: ref, ...d });
  const t = ctx.texts.taskChat.decision;
  const text =
    d.decision === 'return'
      ? t.returned(task.code)
      : t.approved(task.code, ctx.texts.afterSales.hours(task.approval?.hours ?? 0), task.overdue === true);
  return { replies: [{ text }] };
}

export function approveHoursAction(deps: TaskChatDeps): ActionHandler {
  return (ctx, event) => decide(deps, ctx, event.value, { decision: 'approve' });
}

/**
 * 调整工时 / 退回: what they need (the approved hours, the reason) is asked for, by a form on Slack, else by the
 * guided exchange. The task is read first, so a decision already taken is told now, not after the answer.
 */
export function askDecisionAction(deps: TaskChatDeps, kind: 'adjust' | 'return'): ActionHandler {
  return async (ctx, event) => {
    assertCan(ctx.caller, 'task.approve');
    const task = await findTask(deps.tasks, ctx.org.id, event.value);
    assertUndecided(task);
    if (event.formTrigger) return { replies: [], form: decisionForm(ctx, task, kind) };
    await deps.drafts.save({
      id: event.eventId,
      orgId: ctx.org.id,
      memberId: ctx.member.id,
      conversation: conversationOf(event),
      kind: kind === 'adjust' ? 'task-adjust' : 'task-return',
      data: { task: task.id },
      asking: kind === 'adjust' ? 'hours' : 'reason',
      expiresAt: new Date(deps.clock.now().getTime() + DRAFT_TTL_MS),
    });
    const t = ctx.texts.taskChat.decision;
    return { replies: [{ text: kind === 'adjust' ? t.askHours : t.askReason }] };
  };
}

/** Refuses as the core does when someone decided already, so the loser of a race is told before being asked. */
function assertUndecided(task: Task): void {
  if (task.status === 'in_review') return;
  const last = task.history.at(-1);
  throw last?.from === 'in_review'
    ? new DomainError('TASK_ALREADY_DECIDED', { taskCode: task.code, decidedByName: last.by.name })
    : new DomainError('TASK_STATUS_CONFLICT', { taskCode: task.code, status: task.status, step: 'decide' });
}

function decisionForm(ctx: HandlerContext, task: Task, kind: 'adjust' | 'return'): Form {
  const f = ctx.texts.taskChat.form;
  return {
    id: kind === 'adjust' ? ADJUST_FORM : RETURN_FORM,
    title: kind === 'adjust' ? f.adjustTitle(task.code) : f.returnTitle(task.code),
    submitLabel: f.submit,
    meta: task.id,
    fields: [
      kind === 'adjust'
        ? {
            kind: 'text',
            id: 'hours',
            label: f.hours,
            placeholder: f.hoursHint,
            initial: String(task.report?.hours ?? ''),
          }
        : { kind: 'text', id: 'reason', label: f.reason, multiline: true },
    ],
  };
}

export function adjustSubmit(deps: TaskChatDeps): SubmitHandler {
  return async (ctx, event) => {
    const hours = parseHoursAmount(event.values.hours ?? '');
    if (hours === undefined || hours > 1000)
      return { replies: [], fieldErrors: { hours: ctx.texts.taskChat.form.badHours } };
    return decide(deps, ctx, event.meta, { decision: 'adjust', hours });
  };
}

export function returnSubmit(deps: TaskChatDeps): SubmitHandler {
  return async (ctx, event) => {
    const reason = event.values.reason?.trim();
    if (!reason) return { replies: [], fieldErrors: { reason: ctx.texts.taskChat.form.required } };
    return decide(deps, ctx, event.meta, { decision: 'return', reason });
  };
}

/** "核定多少小时？" answered: the approved hours; an answer that gives none asks again. */
export function adjustDraftAnswerer(deps: TaskChatDeps): DraftAnswerer {
  return async (ctx, draft, text) => {
    const hours = parseHoursAmount(text);
    if (hours === undefined || hours > 1000) {
      await deps.drafts.save({ ...draft, expiresAt: new Date(deps.clock.now().getTime() + DRAFT_TTL_MS) });
      return { replies: [{ text: ctx.texts.taskChat.decision.badHours }] };
    }
    return decide(deps, ctx, draft.data.task ?? '', { decision: 'adjust', hours });
  };
}

/** "退回原因是什么？" answered: the reason, as typed. */
export function returnDraftAnswerer(deps: TaskChatDeps): DraftAnswerer {
  return async (ctx, draft, text) =>
    decide(deps, ctx, draft.data.task ?? '', { decision: 'return', reason: text.trim() });
}

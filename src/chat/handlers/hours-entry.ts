import { assertOwnTask, findTask, reportHours, type TaskWorkDeps } from '../../core/after-sales/index.js';
import { can } from '../../core/org/index.js';
import { wallTimeOf } from '../../core/shared/zoned-time.js';
import { type ChatDraftStore, DRAFT_TTL_MS } from '../drafts/draft-types.js';
import type { ParsedHours } from '../hours-grammar.js';
import type { NaturalTimeOptions } from '../natural-time.js';
import type { HandlerContext, HandlerResult } from '../registry.js';
import type { HoursPart } from '../texts/task-chat-texts.js';

// The steps every way of reporting hours in chat shares (the one line, the guided exchange, the card's button):
// report when everything is there, or keep what was given and ask for the first part still missing.

export type TaskChatDeps = TaskWorkDeps & { readonly drafts: ChatDraftStore };

/** The order the parts are asked in. */
const PARTS: readonly HoursPart[] = ['task', 'completedAt', 'hours', 'result'];

/** The natural-time reader's options for this member: the org's zone, the member's language, the clock's now. */
export function timeOptions(ctx: HandlerContext, deps: Pick<TaskWorkDeps, 'clock'>): NaturalTimeOptions {
  return { now: deps.clock.now(), timeZone: ctx.org.settings.timeZone, locale: ctx.locale };
}

const missingOf = (given: ParsedHours): HoursPart | undefined =>
  PARTS.find((part) => (part === 'task' ? !given.taskRef : given[part] === undefined));

/**
 * Reports the hours when nothing is missing, and says what was understood; otherwise the draft keeps what was
 * given and the first missing part is asked for, alone, in this conversation. A task that is not the member's (or
 * unknown) is refused before anything is asked.
 */
export async function continueHours(
  deps: TaskChatDeps,
  ctx: HandlerContext,
  step: { readonly conversation: string; readonly draftId: string; readonly given: ParsedHours },
  lead: readonly string[] = [],
): Promise<HandlerResult> {
  const asking = missingOf(step.given);
  if (asking) {
    if (step.given.taskRef) await assertWorkable(deps, ctx, step.given.taskRef);
    await deps.drafts.save({
      id: step.draftId,
      orgId: ctx.org.id,
      memberId: ctx.member.id,
      conversation: step.conversation,
      kind: 'task-hours',
      data: dataOf(step.given),
      asking,
      expiresAt: new Date(deps.clock.now().getTime() + DRAFT_TTL_MS),
    });
    return { replies: [...lead, ctx.texts.taskChat.hours.ask[asking]].map((text) => ({ text })) };
  }
  return submitHours(deps, ctx, step.given as Required<ParsedHours>);
}

/** Reports the hours (a retry of the same report writes nothing) and repeats what was understood. */
export async function submitHours(
  deps: TaskWorkDeps,
  ctx: HandlerContext,
  given: Required<ParsedHours>,
): Promise<HandlerResult> {
  const task = await reportHours(deps, ctx.caller, {
    task: given.taskRef,
    completedAt: given.completedAt,
    hours: given.hours,
    result: given.result,
  });
  const t = ctx.texts;
  const when = t.followUps.when(wallTimeOf(given.completedAt, ctx.org.settings.timeZone));
  return {
    replies: [{ text: t.taskChat.hours.submitted(task.code, when, t.afterSales.hours(given.hours)) }],
  };
}

/** The task, when the caller may report on it (their own, still open or in progress): refused otherwise. */
export async function assertWorkable(deps: Pick<TaskWorkDeps, 'tasks'>, ctx: HandlerContext, ref: string) {
  const task = await findTask(deps.tasks, ctx.org.id, ref);
  if (!can(ctx.caller, 'task.work_any')) assertOwnTask(ctx.caller, task);
  return task;
}

/** The draft's data: plain strings, the time as ISO. */
export function dataOf(given: ParsedHours): Record<string, string> {
  return {
    ...(given.taskRef ? { taskRef: given.taskRef } : {}),
    ...(given.completedAt ? { completedAt: given.completedAt.toISOString() } : {}),
    ...(given.hours !== undefined ? { hours: String(given.hours) } : {}),
    ...(given.result ? { result: given.result } : {}),
  };
}

export function givenOfData(data: Readonly<Record<string, string>>): ParsedHours {
  return {
    ...(data.taskRef ? { taskRef: data.taskRef } : {}),
    ...(data.completedAt ? { completedAt: new Date(data.completedAt) } : {}),
    ...(data.hours ? { hours: Number(data.hours) } : {}),
    ...(data.result ? { result: data.result } : {}),
  };
}

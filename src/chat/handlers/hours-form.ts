import { wallTimeOf } from '../../core/shared/zoned-time.js';
import type { Form } from '../card.js';
import { type ParsedHours, parseCompletionTime, parseHoursAmount } from '../hours-grammar.js';
import type { HandlerContext, SubmitHandler } from '../registry.js';
import { submitHours, type TaskChatDeps, timeOptions } from './hours-entry.js';

/** Routes a submitted hours form to hoursSubmit. */
export const HOURS_FORM = 'task.hours';

/** The report may name a time a little ahead of the server's clock, as the core allows. */
const SKEW_MS = 5 * 60_000;

/** The hours report as a form (a Slack modal), with what was already given filled in; the task rides in `meta`. */
export function hoursForm(ctx: HandlerContext, taskRef: string, given: ParsedHours = {}): Form {
  const f = ctx.texts.taskChat.form;
  const zone = ctx.org.settings.timeZone;
  return {
    id: HOURS_FORM,
    title: f.title(given.taskRef ?? taskRef),
    submitLabel: f.submit,
    meta: taskRef,
    fields: [
      {
        kind: 'text',
        id: 'completedAt',
        label: f.completedAt,
        placeholder: f.completedAtHint,
        ...(given.completedAt
          ? { initial: ctx.texts.followUps.when(wallTimeOf(given.completedAt, zone)) }
          : {}),
      },
      {
        kind: 'text',
        id: 'hours',
        label: f.hours,
        placeholder: f.hoursHint,
        ...(given.hours !== undefined ? { initial: String(given.hours) } : {}),
      },
      {
        kind: 'text',
        id: 'result',
        label: f.result,
        multiline: true,
        ...(given.result ? { initial: given.result } : {}),
      },
    ],
  };
}

/**
 * A submitted hours form: the same readings as the one-line grammar. What is wrong is answered by field, inside the
 * platform's own answer to the submission (the form stays open); a good one is reported.
 */
export function hoursSubmit(deps: TaskChatDeps): SubmitHandler {
  return async (ctx, event) => {
    const f = ctx.texts.taskChat.form;
    const v = event.values;
    const errors: Record<string, string> = {};
    const when = v.completedAt?.trim();
    const completedAt = when ? parseCompletionTime(when, timeOptions(ctx, deps)) : undefined;
    if (!when) errors.completedAt = f.required;
    else if (!completedAt) errors.completedAt = f.badTime;
    else if (completedAt.getTime() > deps.clock.now().getTime() + SKEW_MS) errors.completedAt = f.timeAhead;
    const amount = v.hours?.trim();
    const hours = amount ? parseHoursAmount(amount) : undefined;
    if (!amount) errors.hours = f.required;
    else if (hours === undefined || hours <= 0 || hours > 1000) errors.hours = f.badHours;
    const result = v.result?.trim();
    if (!result) errors.result = f.required;
    if (Object.keys(errors).length > 0 || !completedAt || hours === undefined || !result)
      return { replies: [], fieldErrors: errors };
    return submitHours(deps, ctx, { taskRef: event.meta, completedAt, hours, result });
  };
}

import type { FollowUpInput } from '../../core/follow-ups/index.js';
import { FOLLOW_UP_CHANNELS, type FollowUpChannel } from '../../core/leads/index.js';
import { wallTimeOf } from '../../core/shared/zoned-time.js';
import type { Form } from '../card.js';
import { parseNaturalTime } from '../natural-time.js';
import type { HandlerContext, SubmitHandler } from '../registry.js';
import { type FollowUpFlowDeps, grammarOptions, receiptOf } from './follow-up-entry.js';
import { missingFieldsOf, outcomeChoicesOf, recordEnteredFollowUp } from './follow-up-use-cases.js';
import { outcomeStageLines } from './outcome-stage-reply.js';

/** Routes a submitted follow-up form to followUpSubmit. */
export const FOLLOW_UP_FORM = 'follow-up.record';

/** The follow-up as a form (a Slack modal), with what was already given filled in; the lead rides in `meta`. */
export function followUpForm(ctx: HandlerContext, leadRef: string, given: Partial<FollowUpInput> = {}): Form {
  const t = ctx.texts.followUps;
  const f = t.form;
  const initial = <T>(value: T | undefined) => (value === undefined ? {} : { initial: String(value) });
  return {
    id: FOLLOW_UP_FORM,
    title: `${f.title} ${leadRef}`,
    submitLabel: f.submit,
    meta: leadRef,
    fields: [
      {
        kind: 'select',
        id: 'channel',
        label: f.channel,
        options: FOLLOW_UP_CHANNELS.map((c) => ({ value: c, label: t.channels[c] })),
        ...initial(given.channel),
      },
      {
        kind: 'select',
        id: 'outcome',
        label: f.outcome,
        optional: true,
        options: outcomeChoicesOf(ctx.org).map((o) => ({ value: o.key, label: o.name })),
        ...initial(given.outcome),
      },
      { kind: 'text', id: 'content', label: f.content, multiline: true, ...initial(given.content) },
      { kind: 'text', id: 'nextStep', label: f.nextStep, optional: true, ...initial(given.nextStep) },
      {
        kind: 'text',
        id: 'nextContactAt',
        label: f.nextContact,
        placeholder: f.nextContactHint,
        ...(given.nextContactAt
          ? { initial: t.when(wallTimeOf(given.nextContactAt, ctx.org.settings.timeZone)) }
          : {}),
      },
    ],
  };
}

/**
 * A submitted follow-up form: the same readings and the same required fields as the one-line grammar. What is wrong
 * is answered by field, for the platform to show beside it (the form stays open); a good one is recorded.
 */
export function followUpSubmit(deps: FollowUpFlowDeps): SubmitHandler {
  return async (ctx, event) => {
    const f = ctx.texts.followUps.form;
    const v = event.values;
    const errors: Record<string, string> = {};
    const channel = FOLLOW_UP_CHANNELS.find((c) => c === v.channel) as FollowUpChannel | undefined;
    if (v.channel && !channel) errors.channel = f.unknownChoice;
    const outcome = v.outcome ? outcomeChoicesOf(ctx.org).find((o) => o.key === v.outcome) : undefined;
    if (v.outcome && !outcome) errors.outcome = f.unknownChoice;
    const when = v.nextContactAt?.trim();
    const nextContactAt = when ? parseNaturalTime(when, grammarOptions(ctx, deps.clock)) : undefined;
    if (when && !nextContactAt) errors.nextContactAt = f.badTime;
    const input: FollowUpInput = {
      leadId: event.meta,
      ...(channel ? { channel } : {}),
      ...(outcome ? { outcome: outcome.key } : {}),
      ...(v.content?.trim() ? { content: v.content.trim() } : {}),
      ...(v.nextStep?.trim() ? { nextStep: v.nextStep.trim() } : {}),
      ...(nextContactAt ? { nextContactAt } : {}),
    };
    for (const field of await missingFieldsOf(deps, ctx.caller, input)) errors[field] ??= f.required;
    if (Object.keys(errors).length > 0) return { replies: [], fieldErrors: errors };
    const moved = await recordEnteredFollowUp(deps, ctx.caller, { ...input, requestKey: event.eventId });
    const stageLines = outcomeStageLines(ctx, input.leadId, moved);
    return { replies: [{ text: [receiptOf(ctx, input), ...stageLines].join('\n') }] };
  };
}

import {
  type FollowUpInput,
  missingFollowUpFields,
  type RequiredFollowUpField,
} from '../../core/follow-ups/index.js';
import { FOLLOW_UP_CHANNELS, type FollowUpChannel } from '../../core/leads/index.js';
import type { Clock } from '../../core/shared/clock.js';
import { defined } from '../../core/shared/defined.js';
import { wallTimeOf } from '../../core/shared/zoned-time.js';
import { type ChatDraftStore, DRAFT_TTL_MS } from '../drafts/draft-types.js';
import { type FollowUpGrammarOptions, type ParsedFollowUp, parseFollowUpLine } from '../follow-up-grammar.js';
import type { HandlerContext, HandlerResult } from '../registry.js';
import {
  type FollowUpEntryDeps,
  missingFieldsOf,
  outcomeChoicesOf,
  recordEnteredFollowUp,
} from './follow-up-use-cases.js';
import { outcomeStageLines } from './outcome-stage-reply.js';

// The steps every way of entering a follow-up in chat shares (one line, the guided exchange, the card's button):
// record it when it is complete, or keep what was given and ask for the first field still missing.

export type FollowUpFlowDeps = FollowUpEntryDeps & { readonly drafts: ChatDraftStore };

/** The grammar's options for this member: the org's zone and outcomes, the member's language, the clock's now. */
export function grammarOptions(ctx: HandlerContext, clock: Clock): FollowUpGrammarOptions {
  return {
    now: clock.now(),
    timeZone: ctx.org.settings.timeZone,
    locale: ctx.locale,
    outcomes: outcomeChoicesOf(ctx.org),
  };
}

/** The one-line grammar's reading as the use-case's input (the lead ref is checked by the caller). */
export function inputOf(parsed: ParsedFollowUp, leadId: string): FollowUpInput {
  return {
    leadId,
    ...(parsed.channel ? { channel: parsed.channel } : {}),
    ...(parsed.outcome ? { outcome: parsed.outcome } : {}),
    ...(parsed.content ? { content: parsed.content } : {}),
    ...(parsed.nextContactAt ? { nextContactAt: parsed.nextContactAt } : {}),
  };
}

/**
 * Records the follow-up when nothing required is missing, and says what was understood. Otherwise the draft keeps
 * what was given and the member is asked for the first missing field, in this conversation. `draftId` is the
 * exchange's key: the final write's `requestKey`, so the record is written once however often it is retried.
 */
export async function continueFollowUp(
  deps: FollowUpFlowDeps,
  ctx: HandlerContext,
  step: { readonly conversation: string; readonly draftId: string; readonly input: FollowUpInput },
): Promise<HandlerResult> {
  // A line that says everything goes straight to the record (which reads the lead itself: one read, not two);
  // only an incomplete one reads the lead first, to know whether it is open and the member's before asking.
  const missing =
    missingFollowUpFields(step.input, {}).length === 0
      ? []
      : await missingFieldsOf(deps, ctx.caller, step.input);
  const asking = missing[0];
  if (asking) {
    await deps.drafts.save({
      id: step.draftId,
      orgId: ctx.org.id,
      memberId: ctx.member.id,
      conversation: step.conversation,
      kind: 'follow-up',
      data: dataOf(step.input),
      asking,
      expiresAt: new Date(deps.clock.now().getTime() + DRAFT_TTL_MS),
    });
    return { replies: [{ text: ctx.texts.followUps.ask[asking] }] };
  }
  const outcome = await recordEnteredFollowUp(deps, ctx.caller, { ...step.input, requestKey: step.draftId });
  const stageLines = outcomeStageLines(ctx, step.input.leadId, outcome);
  return { replies: [{ text: [receiptOf(ctx, step.input), ...stageLines].join('\n') }] };
}

/** "已记录：电话 · 约到试用 · 下次联系 12月3日 周四 10:00", in the org's time zone and the member's language. */
export function receiptOf(ctx: HandlerContext, input: FollowUpInput): string {
  const t = ctx.texts.followUps;
  const outcome = outcomeChoicesOf(ctx.org).find((o) => o.key === input.outcome);
  const parts = [
    input.channel ? t.channels[input.channel] : undefined,
    outcome ? outcome.name : input.outcome,
    input.nextContactAt
      ? t.nextContact(t.when(wallTimeOf(input.nextContactAt, ctx.org.settings.timeZone)))
      : undefined,
  ];
  return t.recorded(parts.filter((p): p is string => !!p));
}

/** An answer to the question asked: the field it fills (and, for the channel, whatever else it also says). */
export function fillAnswer(
  input: FollowUpInput,
  asking: RequiredFollowUpField,
  text: string,
  options: FollowUpGrammarOptions,
): FollowUpInput | undefined {
  if (asking === 'content') return text.trim() ? { ...input, content: text.trim() } : undefined;
  const said = parseFollowUpLine(text, { ...options, lead: false });
  // Only an answer to "how" may also carry the content ("电话，客户要报价单"); "明天上午吧" is no content.
  const { content, ...rest } = inputOf(said, input.leadId);
  const heard: FollowUpInput = asking === 'channel' && content ? { ...rest, content } : rest;
  const filled: FollowUpInput = { ...heard, ...defined(input) };
  return filled[asking] === undefined ? undefined : filled;
}

/** The draft's data: plain strings, times as ISO. */
export function dataOf(input: FollowUpInput): Record<string, string> {
  const { nextContactAt, ...rest } = defined(input);
  return { ...rest, ...(nextContactAt ? { nextContactAt: nextContactAt.toISOString() } : {}) };
}

export function inputOfData(data: Readonly<Record<string, string>>): FollowUpInput {
  const channel = FOLLOW_UP_CHANNELS.find((c) => c === data.channel) as FollowUpChannel | undefined;
  return {
    leadId: data.leadId ?? '',
    ...(channel ? { channel } : {}),
    ...(data.outcome ? { outcome: data.outcome } : {}),
    ...(data.content ? { content: data.content } : {}),
    ...(data.nextStep ? { nextStep: data.nextStep } : {}),
    ...(data.nextContactAt ? { nextContactAt: new Date(data.nextContactAt) } : {}),
  };
}

import { type OutcomeStageResult, stageName } from '../../core/customers/index.js';
import type { HandlerContext } from '../registry.js';
import { stageRefusal } from './stage-refusal.js';

/**
 * What a follow-up's outcome did to the stage, as lines under the receipt: "已把 L-1042 从「线索」推进到「意向」。", or,
 * when the mapped stage needs evidence a follow-up does not carry, what is missing and the /阶段 command to send.
 */
export function outcomeStageLines(
  ctx: Pick<HandlerContext, 'org' | 'texts'>,
  leadRef: string,
  outcome: OutcomeStageResult | undefined,
): string[] {
  if (!outcome) return [];
  if (outcome.kind === 'changed') {
    const { lead, changed } = outcome.result;
    if (!changed) return [];
    const from = lead.history.findLast((e) => e.type === 'stage_changed')?.stage?.from;
    return [ctx.texts.stage.changed(lead.code ?? leadRef, stageName(ctx.org, from), outcome.target.name)];
  }
  const command = { ref: leadRef, stage: outcome.target.name, target: outcome.target };
  return [stageRefusal(outcome.issues, ctx, command, {}).text ?? ''];
}

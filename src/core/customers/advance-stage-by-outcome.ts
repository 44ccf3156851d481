import type { Lead } from '../leads/index.js';
import type { Caller } from '../org/index.js';
import { type FieldIssue, isDomainError } from '../shared/errors.js';
import { changeStage, type StageChangeResult } from './change-stage.js';
import type { StageDeps } from './ports.js';
import { findStage, type StageDefinition, stageOf, stageSettingsOf } from './stage-settings.js';

/** What a follow-up's outcome did to the lead's stage. */
export type OutcomeStageResult =
  /** The stage moved (or was there already: `changed: false`). */
  | { readonly kind: 'changed'; readonly target: StageDefinition; readonly result: StageChangeResult }
  /** The stage the outcome maps to needs evidence a follow-up does not carry (报价: amount, items): asked for. */
  | {
      readonly kind: 'needs_evidence';
      readonly target: StageDefinition;
      readonly issues: readonly FieldIssue[];
    };

/**
 * A follow-up whose outcome the org maps to a stage (`{ key: 'needs-confirmed', stage: 'intent' }`) moves the lead
 * there after the record is stored — "行为驱动状态". The record stands whatever happens here: a stage that needs
 * evidence the follow-up does not carry is not forced, it is reported so the rep is asked for it (the stage's
 * own rule, unchanged); any other refusal (a rep may not reopen 成交) is the stage change's and is thrown. An
 * outcome only ever moves a lead forward: "确认需求" on a lead already at 报价 leaves it at 报价.
 */
export async function advanceStageByOutcome(
  deps: StageDeps,
  caller: Caller,
  /** The lead as the follow-up left it, and the stage its outcome maps to. */
  input: { readonly lead: Lead; readonly stage: string },
): Promise<OutcomeStageResult | undefined> {
  const { org } = caller;
  const target = findStage(org, input.stage);
  if (!target) return undefined;
  const order = stageSettingsOf(org).stages.map((s) => s.key);
  const current = stageOf(org, input.lead.stage?.key);
  if (current.kind === 'won' || current.kind === 'lost') return undefined;
  if (order.indexOf(target.key) <= order.indexOf(current.key)) return undefined;
  try {
    const result = await changeStage(deps, caller, { leadId: input.lead.id, to: target.key });
    return { kind: 'changed', target, result };
  } catch (error) {
    if (isDomainError(error) && error.code === 'VALIDATION_FAILED') {
      const issues = (error.details.issues ?? []) as FieldIssue[];
      return { kind: 'needs_evidence', target, issues };
    }
    throw error;
  }
}

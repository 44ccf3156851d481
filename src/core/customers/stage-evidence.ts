import { z } from 'zod';
import type { LeadRef, LeadStage } from '../leads/index.js';
import { type FieldIssue, validationFailed } from '../shared/errors.js';
import { textField } from '../shared/text-field.js';
import { parseInput } from '../shared/validate.js';
import type { StageDefinition, StageField, StageSettings } from './stage-settings.js';

const amount = z.number().positive().max(1e12);
const text = (max: number) => textField().trim().min(1).max(max);

/** What a change of stage may carry; which parts are required depends on the target stage (its `requires`). */
export const stageChangeSchema = z.strictObject({
  to: z.string().trim().min(1).max(40),
  quote: z.strictObject({ amount: amount.optional(), items: text(500).optional() }).optional(),
  deal: z
    .strictObject({
      contractNo: text(60).optional(),
      amount: amount.optional(),
      // The API sends ISO text, chat a parsed Date: both arrive as a Date.
      signedAt: z.coerce.date().optional(),
      items: text(500).optional(),
    })
    .optional(),
  loss: z
    .strictObject({ reason: text(40).optional(), note: textField().trim().max(500).optional() })
    .optional(),
  /** Into an open stage (沟通): the revisit's time; `null` clears a planned one. */
  nextContactAt: z.coerce.date().nullable().optional(),
});
export type StageChange = z.output<typeof stageChangeSchema>;
export type StageChangeInput = { readonly leadId: LeadRef } & z.input<typeof stageChangeSchema>;

/** Parses the change's shape (every bad field at once); evidence is checked against the target by `evidenceFor`. */
export const parseStageChange = (input: Omit<StageChangeInput, 'leadId'>): StageChange =>
  parseInput(stageChangeSchema, input);

/** What a kind needs whatever the org set: a 成交 makes an order (contract, amount, date), a 流失 keeps its reason. */
const KIND_MINIMUM: Readonly<Record<StageDefinition['kind'], readonly StageField[]>> = {
  open: [],
  quote: [],
  won: ['deal.contractNo', 'deal.amount', 'deal.signedAt'],
  lost: ['loss.reason'],
};

const evidenceValue = (change: StageChange, field: StageField): unknown => {
  const [part, key] = field.split('.') as ['quote' | 'deal' | 'loss', string];
  return (change[part] as Record<string, unknown> | undefined)?.[key];
};

/**
 * The evidence a change into `target` must carry, checked: every missing field named at once (`required`, so chat
 * and API both say "缺少：报价金额、报价明细"), a loss reason not on the org's list named with the list. Returns
 * what the lead's stage records of it.
 */
export function evidenceFor(
  target: StageDefinition,
  change: StageChange,
  settings: StageSettings,
): Pick<LeadStage, 'quote' | 'deal' | 'loss'> {
  const required = [...new Set([...target.requires, ...KIND_MINIMUM[target.kind]])];
  const issues: FieldIssue[] = required
    .filter((f) => evidenceValue(change, f) === undefined)
    .map((field) => ({ field, message: 'required', problem: { kind: 'required' } }));
  const reason = change.loss?.reason;
  if (target.kind === 'lost' && reason !== undefined && !settings.lossReasons.includes(reason)) {
    issues.push({
      field: 'loss.reason',
      message: `one of ${settings.lossReasons.join(', ')}`,
      problem: { kind: 'not_one_of', allowed: settings.lossReasons },
    });
  }
  if (issues.length > 0) throw validationFailed(issues);
  return recorded(target, change);
}

// Only what the stage's kind records is kept: a quote's figures on a 成交 belong to the quote, not the deal.
function recorded(target: StageDefinition, c: StageChange): Pick<LeadStage, 'quote' | 'deal' | 'loss'> {
  if (target.kind === 'quote' && c.quote?.amount !== undefined && c.quote.items !== undefined) {
    return { quote: { amount: c.quote.amount, items: c.quote.items } };
  }
  const d = c.deal;
  if (target.kind === 'won' && d?.contractNo && d.amount !== undefined && d.signedAt) {
    return { deal: { contractNo: d.contractNo, amount: d.amount, signedAt: d.signedAt } };
  }
  if (target.kind === 'lost' && c.loss?.reason) {
    return { loss: { reason: c.loss.reason, ...(c.loss.note ? { note: c.loss.note } : {}) } };
  }
  return {};
}

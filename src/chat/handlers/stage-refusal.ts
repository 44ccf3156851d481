import {
  STAGE_FIELDS,
  type StageDefinition,
  type StageField,
  stageSettingsOf,
} from '../../core/customers/index.js';
import type { Org } from '../../core/org/index.js';
import { type DomainError, type FieldIssue, isDomainError } from '../../core/shared/errors.js';
import type { OutboundMessage } from '../card.js';
import type { Catalogue } from '../texts/catalogue.js';
import type { StageWords } from './stage-command-grammar.js';

/** The missing or wrong evidence of a refused change, when that is all that was wrong (else undefined). */
export function evidenceIssues(error: unknown): FieldIssue[] | undefined {
  if (!isDomainError(error) || error.code !== 'VALIDATION_FAILED') return undefined;
  const issues = ((error as DomainError).details.issues ?? []) as FieldIssue[];
  const ours = issues.every((i) => (STAGE_FIELDS as readonly string[]).includes(i.field));
  return ours && issues.length > 0 ? issues : undefined;
}

const quoted = (text: string) => (/\s/.test(text) ? `"${text}"` : text);

/**
 * The refusal in chat: what is missing, by name ("缺少：报价金额、报价明细"), a loss reason's choices, and the command
 * again with what was given kept and the rest filled in as an example, ready to copy and correct.
 */
export function stageRefusal(
  issues: readonly FieldIssue[],
  ctx: { readonly org: Org; readonly texts: Catalogue },
  command: { readonly ref: string; readonly stage: string; readonly target: StageDefinition },
  given: StageWords,
): OutboundMessage {
  const t = ctx.texts.stage;
  const missing = issues
    .filter((i) => i.problem?.kind === 'required')
    .map((i) => t.fieldNames[i.field as StageField]);
  const reasons = stageSettingsOf(ctx.org).lossReasons;
  const badReason = issues.some((i) => i.field === 'loss.reason' && i.problem?.kind === 'not_one_of');
  const fields = new Set([...command.target.requires, ...issues.map((i) => i.field as StageField)]);
  const w = t.words;
  const parts: string[] = [w.command, command.ref, command.stage];
  if (fields.has('deal.contractNo')) parts.push(w.contract, quoted(given.contractNo ?? 'HT-2026-001'));
  if (fields.has('quote.amount') || fields.has('deal.amount'))
    parts.push(w.amount, String(given.amount ?? 50_000));
  if (fields.has('quote.items')) parts.push(w.items, `"${given.items ?? w.sampleItems}"`);
  if (fields.has('deal.signedAt'))
    parts.push(w.signed, given.signedAt && given.signedText ? quoted(given.signedText) : w.today);
  if (fields.has('loss.reason'))
    parts.push(w.reason, quoted(badReason ? (reasons[0] ?? '') : (given.reason ?? reasons[0] ?? '')));
  const lines = [
    ...(missing.length > 0 ? [t.missing(missing)] : []),
    ...(badReason || fields.has('loss.reason') ? [t.reasons(reasons)] : []),
    t.example(parts.join(' ')),
  ];
  return { text: lines.join('\n') };
}

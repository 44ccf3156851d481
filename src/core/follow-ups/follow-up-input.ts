import { z } from 'zod';
import { FOLLOW_UP_CHANNELS, type Lead } from '../leads/index.js';
import type { Org } from '../org/index.js';
import { type FieldIssue, validationFailed } from '../shared/errors.js';
import { textField } from '../shared/text-field.js';
import { fieldIssues } from '../shared/validate.js';
import { outcomesOf } from './follow-up-settings.js';
import {
  type FollowUpInput,
  REQUIRED_FOLLOW_UP_FIELDS,
  type RequiredFollowUpField,
} from './follow-up-types.js';

const DAY_MS = 86_400_000;
/** How far ahead a next contact may be planned: a year; further is a typo (2062 for 2026) more often than a plan. */
export const MAX_NEXT_CONTACT_DAYS = 365;
export const MAX_CONTENT_LENGTH = 2000;
const MAX_NEXT_STEP_LENGTH = 500;

/**
 * The stage keys of a closed lead (the default stage list's 成交 and 流失): a closed lead's follow-up needs no next
 * contact. The stages domain's kinds replace this once an org's own list names its won and lost stages.
 */
const CLOSED_STAGE_KEYS: readonly string[] = ['won', 'lost'];

/** Open while its stage is neither won nor lost (no stage yet is the first stage: open). */
export const isLeadOpen = (lead: Pick<Lead, 'stage'>): boolean =>
  !lead.stage || !CLOSED_STAGE_KEYS.includes(lead.stage.key);

/**
 * The required fields this input lacks for this lead, in the order a guided exchange asks for them: none for a
 * closed lead. Blank content (only spaces) counts as missing.
 */
export function missingFollowUpFields(
  input: Omit<FollowUpInput, 'leadId'>,
  lead: Pick<Lead, 'stage'>,
): RequiredFollowUpField[] {
  if (!isLeadOpen(lead)) return [];
  const given: Record<RequiredFollowUpField, boolean> = {
    channel: input.channel !== undefined,
    // Not yet checked here (the schema says what is wrong with a content that is no text): only text counts.
    content: typeof input.content === 'string' && input.content.trim().length > 0,
    nextContactAt: input.nextContactAt !== undefined,
  };
  return REQUIRED_FOLLOW_UP_FIELDS.filter((field) => !given[field]);
}

/** The fields of a follow-up as checked at the edge; `outcome` against the org's own list of keys. */
function buildSchema(keys: readonly [string, ...string[]]) {
  return z.strictObject({
    channel: z.enum(FOLLOW_UP_CHANNELS).optional(),
    // Stored exactly as typed (no trim): what the rep wrote is the record.
    content: textField({ multiLine: true }).max(MAX_CONTENT_LENGTH).optional(),
    outcome: z.enum(keys).optional(),
    nextStep: textField({ multiLine: true }).max(MAX_NEXT_STEP_LENGTH).optional(),
    nextContactAt: z.date().optional(),
  });
}

// Building a zod schema costs more CPU than a parse (npm run bench): one per outcome list, kept for the few lists
// the orgs of one process have (bounded, the oldest dropped first).
const SCHEMAS = new Map<string, ReturnType<typeof buildSchema>>();
const MAX_SCHEMAS = 200;
function fieldsSchema(org: Org) {
  const keys = outcomesOf(org).map((o) => o.key) as [string, ...string[]];
  const id = keys.join('\n');
  let schema = SCHEMAS.get(id);
  if (!schema) {
    schema = buildSchema(keys);
    if (SCHEMAS.size >= MAX_SCHEMAS) SCHEMAS.delete(SCHEMAS.keys().next().value as string);
    SCHEMAS.set(id, schema);
  }
  return schema;
}

/** The fields as parsed (an absent one may read `undefined`). */
export type FollowUpFields = z.output<ReturnType<typeof buildSchema>>;

/** A next contact must be ahead of now and at most a year away; said in words, not as a bare "invalid". */
function timeIssue(at: unknown, now: Date): FieldIssue | undefined {
  if (!(at instanceof Date) || Number.isNaN(at.getTime())) return undefined;
  if (at.getTime() < now.getTime())
    return {
      field: 'nextContactAt',
      message: 'a next contact in the past: give a time still ahead',
      problem: { kind: 'in_the_past' },
    };
  if (at.getTime() > now.getTime() + MAX_NEXT_CONTACT_DAYS * DAY_MS)
    return {
      field: 'nextContactAt',
      message: `at most ${MAX_NEXT_CONTACT_DAYS} days ahead`,
      problem: { kind: 'too_far_ahead' },
    };
  return undefined;
}

const required = (field: string): FieldIssue => ({
  field,
  message: 'required',
  problem: { kind: 'required' },
});

/**
 * Checks a follow-up's fields (or a correction's: `open` false skips the required ones) and throws one
 * VALIDATION_FAILED naming every bad or missing field at once, so the chat and the API word them all.
 */
export function parseFollowUpFields(
  org: Org,
  now: Date,
  fields: unknown,
  lead: Pick<Lead, 'stage'> | undefined,
): FollowUpFields {
  // With the input on each issue, a value of the wrong kind is told apart from a missing one (wrong_type, not required).
  const result = fieldsSchema(org).safeParse(fields, { reportInput: true });
  const time = timeIssue((fields as { nextContactAt?: unknown } | undefined)?.nextContactAt, now);
  const issues = [...(result.success ? [] : fieldIssues(result.error)), ...(time ? [time] : [])];
  const bad = new Set(issues.map((i) => i.field));
  const missing = lead ? missingFollowUpFields((fields ?? {}) as Omit<FollowUpInput, 'leadId'>, lead) : [];
  const all = [...issues, ...missing.filter((f) => !bad.has(f)).map(required)];
  if (all.length > 0 || !result.success) throw validationFailed(all);
  return result.data;
}

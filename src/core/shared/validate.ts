import type { z } from 'zod';
import {
  FIELD_RULES,
  type FieldFormat,
  type FieldIssue,
  type FieldProblem,
  type FieldRule,
  validationFailed,
} from './errors.js';

const fieldOf = (path: readonly PropertyKey[]) => (path.length > 0 ? path.map(String).join('.') : '(body)');

const OF: Readonly<Record<string, 'text' | 'number' | 'list'>> = {
  string: 'text',
  number: 'number',
  int: 'number',
  bigint: 'number',
  array: 'list',
  set: 'list',
};

/** zod's issue as data the catalogue words in the reader's language; zod's English stays in `message`. */
export function fieldProblem(issue: z.core.$ZodIssue): FieldProblem {
  switch (issue.code) {
    case 'invalid_type':
      // `input` is there because parseInput asks zod for it (reportInput): without it every wrong type read as
      // a missing field ("客户：必填" for `customer: {…}`).
      return issue.input === undefined
        ? { kind: 'required' }
        : { kind: 'wrong_type', expected: issue.expected };
    case 'invalid_union':
      return unionProblem(issue);
    case 'too_small':
      return { kind: 'too_small', minimum: Number(issue.minimum), of: OF[issue.origin] ?? 'text' };
    case 'too_big':
      return { kind: 'too_big', maximum: Number(issue.maximum), of: OF[issue.origin] ?? 'text' };
    case 'invalid_value':
      return { kind: 'not_one_of', allowed: issue.values.map(String) };
    case 'unrecognized_keys':
      return { kind: 'unknown_field' };
    case 'invalid_format':
      return { kind: 'bad_format', format: issue.format === 'email' ? 'email' : formatOfField(issue.path) };
    case 'custom':
      return customProblem(issue.params?.problem);
    default:
      return { kind: 'other' };
  }
}

/**
 * A union (a day or an instant) whose every branch refused the value's type is one wrong type (or a missing field),
 * said as the first branch's expected type; any other refusal of a union is its field's format.
 */
function unionProblem(issue: Extract<z.core.$ZodIssue, { code: 'invalid_union' }>): FieldProblem {
  const branches = issue.errors.map((errors) => errors[0]);
  const first = branches[0];
  if (first?.code === 'invalid_type' && branches.every((b) => b?.code === 'invalid_type'))
    return issue.input === undefined
      ? { kind: 'required' }
      : { kind: 'wrong_type', expected: first.expected };
  return { kind: 'bad_format', format: formatOfField(issue.path) };
}

/**
 * zod keeps no params on a regex's issue, so the field says which form it asked for: each of these fields has one
 * pattern (lead-input, routing-config, configure-org-settings, configure-team, the follow-up API's time).
 */
const FORMAT_OF_FIELD: Readonly<Record<string, FieldFormat>> = {
  source: 'source',
  id: 'rule_id',
  start: 'time',
  end: 'time',
  managerId: 'id',
  team: 'id',
  members: 'id',
  nextContactAt: 'date_time',
};
// A list's item (`members.0`) is told by the list's name.
const formatOfField = (path: readonly PropertyKey[]): FieldFormat =>
  FORMAT_OF_FIELD[String(path.findLast((p) => typeof p === 'string') ?? '')] ?? 'other';

/** A custom issue names its problem in `params.problem`: a rule's kind, or a whole problem with its data. */
function customProblem(problem: unknown): FieldProblem {
  if (problem === 'unsafe_text') return { kind: 'unsafe_text' };
  if (FIELD_RULES.includes(problem as FieldRule)) return { kind: problem as FieldRule };
  const given = problem as Partial<Extract<FieldProblem, { kind: 'bad_format' | 'one_of' }>> | undefined;
  if (given?.kind === 'bad_format' && given.format) return { kind: 'bad_format', format: given.format };
  if (given?.kind === 'one_of' && given.fields) {
    return { kind: 'one_of', fields: given.fields, exactly: given.exactly === true };
  }
  return { kind: 'other' };
}

/**
 * Turns zod's issues into one entry per bad field, so the caller sees every problem at once. An unknown key is
 * reported as that key (`leads.0.nmae`), one entry each, not as the object that holds it.
 */
export function fieldIssues(error: z.ZodError): FieldIssue[] {
  // A value of the wrong type is that field's one problem: the checks zod runs on it after (a list's length for
  // a string's `.min`) would only confuse.
  const mistyped = new Set(error.issues.filter((i) => i.code === 'invalid_type').map((i) => fieldOf(i.path)));
  const issues = error.issues.filter((i) => i.code === 'invalid_type' || !mistyped.has(fieldOf(i.path)));
  return issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({
          field: fieldOf([...issue.path, key]),
          message: 'unknown field',
          problem: { kind: 'unknown_field' } as const,
        }))
      : [{ field: fieldOf(issue.path), message: issue.message, problem: fieldProblem(issue) }],
  );
}

/** Parses input at the edge; on failure throws VALIDATION_FAILED naming every bad field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  // reportInput: the issues carry the value refused, which tells a wrong type from a missing field.
  const result = schema.safeParse(input, { reportInput: true });
  if (!result.success) throw validationFailed(fieldIssues(result.error));
  return result.data;
}

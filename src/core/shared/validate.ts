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
      return issue.input === undefined
        ? { kind: 'required' }
        : { kind: 'wrong_type', expected: issue.expected };
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
  return error.issues.flatMap((issue) =>
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
  const result = schema.safeParse(input);
  if (!result.success) throw validationFailed(fieldIssues(result.error));
  return result.data;
}

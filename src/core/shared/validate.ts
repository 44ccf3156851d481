import type { z } from 'zod';
import { type FieldIssue, validationFailed } from './errors.js';

const fieldOf = (path: readonly PropertyKey[]) => (path.length > 0 ? path.map(String).join('.') : '(body)');

/**
 * Turns zod's issues into one entry per bad field, so the caller sees every problem at once. An unknown key is
 * reported as that key (`leads.0.nmae`), one entry each, not as the object that holds it.
 */
export function fieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ field: fieldOf([...issue.path, key]), message: 'unknown field' }))
      : [{ field: fieldOf(issue.path), message: issue.message }],
  );
}

/** Parses input at the edge; on failure throws VALIDATION_FAILED naming every bad field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw validationFailed(fieldIssues(result.error));
  return result.data;
}

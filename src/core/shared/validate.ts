import type { z } from 'zod';
import { type FieldIssue, validationFailed } from './errors.js';

/** Turns zod's issues into one entry per bad field, so the caller sees every problem at once. */
export function fieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    field: issue.path.length > 0 ? issue.path.join('.') : '(body)',
    message: issue.message,
  }));
}

/** Parses input at the edge; on failure throws VALIDATION_FAILED naming every bad field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw validationFailed(fieldIssues(result.error));
  return result.data;
}

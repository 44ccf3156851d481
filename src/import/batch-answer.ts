import { z } from 'zod';
import type { GoodRow } from './validate-import-rows.js';

/** The answer of `POST /api/v1/leads:batch`: one result per lead sent, in the same order. Loose: extra fields pass. */
export const batchAnswerSchema = z.object({
  results: z.array(
    z.object({
      status: z.number().int(),
      lead: z
        .object({ id: z.string(), status: z.string(), duplicateOf: z.string().optional() })
        .loose()
        .optional(),
      error: z
        .object({ code: z.string(), message: z.string(), details: z.unknown().optional() })
        .loose()
        .optional(),
    }),
  ),
});

export type BatchResult = z.output<typeof batchAnswerSchema>['results'][number];

export type RowOutcome =
  | { readonly rowNumber: number; readonly outcome: 'created' | 'replayed'; readonly leadId: string }
  | {
      readonly rowNumber: number;
      readonly outcome: 'duplicate';
      readonly leadId: string;
      readonly duplicateOf?: string;
    }
  | {
      readonly rowNumber: number;
      readonly outcome: 'rejected';
      readonly field: string;
      readonly reason: string;
    };

/**
 * What became of one row: 200 is a replay of a row imported before (its key was known), 201 a new lead — a
 * duplicate (撞单) when its status says so — and anything else a rejection, one outcome per bad field.
 */
export function rowOutcomes(row: GoodRow, result: BatchResult): RowOutcome[] {
  const { rowNumber } = row;
  if ((result.status === 200 || result.status === 201) && result.lead) {
    const leadId = result.lead.id;
    if (result.status === 200) return [{ rowNumber, outcome: 'replayed', leadId }];
    if (result.lead.status !== 'duplicate') return [{ rowNumber, outcome: 'created', leadId }];
    const { duplicateOf } = result.lead;
    return [{ rowNumber, outcome: 'duplicate', leadId, ...(duplicateOf ? { duplicateOf } : {}) }];
  }
  const issues = z
    .object({ issues: z.array(z.object({ field: z.string(), message: z.string() })) })
    .safeParse(result.error?.details);
  if (issues.success && issues.data.issues.length > 0) {
    return issues.data.issues.map((i) => ({
      rowNumber,
      outcome: 'rejected',
      field: i.field,
      reason: i.message,
    }));
  }
  const reason = result.error ? `${result.error.code}: ${result.error.message}` : `status ${result.status}`;
  return [{ rowNumber, outcome: 'rejected', field: '(row)', reason }];
}

import { z } from 'zod';

/**
 * The answer of `POST /api/v1/leads:batch` or `/orders:batch`: one result per record sent, in the same order, with
 * its `lead` or `order`. Loose: extra fields pass.
 */
export const batchAnswerSchema = z.object({
  results: z.array(
    z.object({
      status: z.number().int(),
      lead: z
        .object({ id: z.string(), status: z.string(), duplicateOf: z.string().optional() })
        .loose()
        .optional(),
      order: z.object({ id: z.string() }).loose().optional(),
      error: z
        .object({ code: z.string(), message: z.string(), details: z.unknown().optional() })
        .loose()
        .optional(),
    }),
  ),
});

export type BatchResult = z.output<typeof batchAnswerSchema>['results'][number];

export type RowOutcome =
  | { readonly rowNumber: number; readonly outcome: 'created' | 'replayed'; readonly id: string }
  | {
      readonly rowNumber: number;
      readonly outcome: 'duplicate';
      readonly id: string;
      readonly duplicateOf?: string;
    }
  | {
      readonly rowNumber: number;
      readonly outcome: 'rejected';
      readonly field: string;
      readonly reason: string;
    };

/**
 * What became of one row: 200 is a replay of a row imported before (its key was known), 201 a new lead or order —
 * a lead a duplicate (撞单) when its status says so — and anything else a rejection, one outcome per bad field.
 */
export function rowOutcomes(row: { readonly rowNumber: number }, result: BatchResult): RowOutcome[] {
  const { rowNumber } = row;
  const record = result.lead ?? result.order;
  if ((result.status === 200 || result.status === 201) && record) {
    const { id } = record;
    if (result.status === 200) return [{ rowNumber, outcome: 'replayed', id }];
    if (result.lead?.status !== 'duplicate') return [{ rowNumber, outcome: 'created', id }];
    const { duplicateOf } = result.lead;
    return [{ rowNumber, outcome: 'duplicate', id, ...(duplicateOf ? { duplicateOf } : {}) }];
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

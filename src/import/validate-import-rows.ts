import type { z } from 'zod';
import { type LeadInput, leadInputSchema } from '../core/leads/lead-input.js';
import type { ErrorCode, ErrorDetails, FieldIssue } from '../core/shared/errors.js';
import { fieldIssues } from '../core/shared/validate.js';
import type { ImportWarning } from './import-error.js';
import { importKey } from './import-key.js';
import { planHeaders } from './lead-headers.js';
import { type MappedRow, mapLeadRow } from './map-lead-row.js';
import type { RawRow } from './raw-rows.js';

export type GoodRow = {
  readonly rowNumber: number;
  readonly input: LeadInput;
  readonly idempotencyKey: string;
};
/**
 * One bad field of a row (or a whole row the service refused). `reason` is English, for the log and old clients;
 * `issues` (a field's problems as data), `given` and `code`/`details` (a refusal) let each reader's language word it.
 */
export type RejectedRow = {
  readonly rowNumber: number;
  readonly field: string;
  readonly reason: string;
  readonly issues?: readonly FieldIssue[];
  readonly given?: string;
  readonly code?: ErrorCode;
  readonly details?: ErrorDetails;
};
export type ImportCheck = {
  readonly good: GoodRow[];
  /** One entry per bad field of a row, so the user sees every problem of the file at once. */
  readonly rejected: RejectedRow[];
  readonly warnings: ImportWarning[];
};

export const DEFAULT_IMPORT_SOURCE = 'import';

/** Maps each row to a LeadInput and checks it with the API's own schema, without sending anything. */
export function validateImportRows(
  rows: readonly RawRow[],
  options: { readonly defaultSource?: string } = {},
): ImportCheck {
  const plan = planHeaders(headersOf(rows));
  const warnings = [...plan.warnings];
  if (rows.length > 0 && plan.columns.length === 0) {
    warnings.push({ kind: 'no_header' });
  }
  const good: GoodRow[] = [];
  const rejected: RejectedRow[] = [];
  const firstRowOfKey = new Map<string, number>();
  for (const { rowNumber, cells } of rows) {
    const mapped = mapLeadRow(cells, plan, options.defaultSource ?? DEFAULT_IMPORT_SOURCE);
    const parsed = leadInputSchema.safeParse(mapped);
    if (!parsed.success) {
      const issues = byField(rowIssues(mapped, parsed.error), mapped);
      rejected.push(...issues.map((issue) => ({ rowNumber, ...issue })));
      continue;
    }
    const idempotencyKey = importKey(mapped);
    const first = firstRowOfKey.get(idempotencyKey);
    // The server would answer the repeat as a replay of the first; said here, the user is not left wondering.
    if (first !== undefined) warnings.push({ kind: 'repeated_row', row: rowNumber, first });
    else firstRowOfKey.set(idempotencyKey, rowNumber);
    good.push({ rowNumber, input: parsed.data, idempotencyKey });
  }
  return { good, rejected, warnings };
}

/**
 * Every problem of a row at once. zod checks the cross-field rule (one of phone, email or wechat) only when every
 * field passed, so a row with a bad phone and no other contact would be fixed in two rounds; a second check with the
 * bad fields left out finds that rule's problem too.
 */
function rowIssues(row: MappedRow, error: z.ZodError): FieldIssue[] {
  const first = fieldIssues(error);
  const bad = new Set(first.map((issue) => issue.field.split('.')[0]));
  const rest = Object.fromEntries(Object.entries(row).filter(([field]) => !bad.has(field)));
  // The source is required: a stand-in keeps its own problem from being reported a second time.
  const again = leadInputSchema.safeParse({ source: DEFAULT_IMPORT_SOURCE, ...rest });
  const more = again.success ? [] : fieldIssues(again.error);
  const isNew = (m: FieldIssue) => !first.some((f) => f.field === m.field && f.message === m.message);
  return [...first, ...more.filter(isNew)];
}

/** Every header of the file, in column order; rows only differ in the "(column D)" cells of header-less columns. */
function headersOf(rows: readonly RawRow[]): string[] {
  const headers = new Set<string>();
  for (const row of rows) for (const header of Object.keys(row.cells)) headers.add(header);
  return [...headers];
}

/**
 * Joins a field's several issues into one entry, since the report has one line per bad field, and quotes the value
 * the row gave, so the user can find it in the sheet.
 */
function byField(issues: readonly FieldIssue[], row: MappedRow): Omit<RejectedRow, 'rowNumber'>[] {
  const byName = new Map<string, FieldIssue[]>();
  for (const issue of issues) byName.set(issue.field, [...(byName.get(issue.field) ?? []), issue]);
  return [...byName].map(([field, its]) => {
    const value = row[field as keyof MappedRow];
    const given = typeof value === 'string' ? ` (given: "${value}")` : '';
    return {
      field,
      reason: `${its.map((i) => i.message).join('; ')}${given}`,
      issues: its,
      ...(typeof value === 'string' ? { given: value } : {}),
    };
  });
}

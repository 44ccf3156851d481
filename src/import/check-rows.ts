import type { z } from 'zod';
import type { ErrorCode, ErrorDetails, FieldIssue } from '../core/shared/errors.js';
import { fieldIssues } from '../core/shared/validate.js';
import type { HeaderPlan } from './header-plan.js';
import type { ImportWarning } from './import-error.js';
import { importKey } from './import-key.js';
import type { RawRow } from './raw-rows.js';

/** A row in its kind's field names, before the schema checks it: trimmed text (tags as a list), no empty values. */
export type MappedRow = Partial<Record<string, string | string[]>>;

export type GoodRow<T> = {
  readonly rowNumber: number;
  readonly input: T;
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
export type ImportCheck<T> = {
  readonly good: GoodRow<T>[];
  /** One entry per bad field of a row, so the user sees every problem of the file at once. */
  readonly rejected: RejectedRow[];
  readonly warnings: ImportWarning[];
};

/** What a kind of record (leads, orders) brings to the shared row check. */
export type RowSpec<T> = {
  readonly planHeaders: (headers: readonly string[]) => HeaderPlan;
  readonly mapRow: (cells: Readonly<Record<string, string>>, plan: HeaderPlan) => MappedRow;
  /** The API's own schema over the mapped row (converting the text of amounts and dates first, where it must). */
  readonly parse: (row: MappedRow) => z.ZodSafeParseResult<T>;
  /**
   * Valid values of the fields a cross-field rule does not read, put in for the fields found bad (and missing
   * required ones) when the row is checked a second time, so that rule's problem is found in the same round.
   */
  readonly standIns: MappedRow;
};

/**
 * Maps each row through the header plan and checks it with the API's schema, without sending anything. Each good
 * row carries a key made from its content (importKey), so a file imported again creates nothing twice; a row
 * repeated within the file is said here, where the service would quietly answer it as a replay.
 */
export function checkRows<T>(rows: readonly RawRow[], spec: RowSpec<T>): ImportCheck<T> {
  const plan = spec.planHeaders(headersOf(rows));
  const warnings = [...plan.warnings];
  if (rows.length > 0 && plan.columns.length === 0) warnings.push({ kind: 'no_header' });
  const good: GoodRow<T>[] = [];
  const rejected: RejectedRow[] = [];
  const firstRowOfKey = new Map<string, number>();
  for (const { rowNumber, cells } of rows) {
    const mapped = spec.mapRow(cells, plan);
    const parsed = spec.parse(mapped);
    if (!parsed.success) {
      const issues = rowIssues(spec, mapped, parsed.error);
      rejected.push(...byField(issues, mapped).map((issue) => ({ rowNumber, ...issue })));
      continue;
    }
    const idempotencyKey = importKey(mapped);
    const first = firstRowOfKey.get(idempotencyKey);
    if (first !== undefined) warnings.push({ kind: 'repeated_row', row: rowNumber, first });
    else firstRowOfKey.set(idempotencyKey, rowNumber);
    good.push({ rowNumber, input: parsed.data, idempotencyKey });
  }
  return { good, rejected, warnings };
}

/**
 * Every problem of a row at once. zod checks a cross-field rule (a lead's one of phone, email or wechat; an order's
 * customer by id or by name) only when every field passed, so a row with a bad field and such a problem would be
 * fixed in two rounds; a second check with the bad fields replaced by stand-ins finds that rule's problem too.
 */
function rowIssues<T>(spec: RowSpec<T>, row: MappedRow, error: z.ZodError): FieldIssue[] {
  const first = fieldIssues(error);
  const bad = new Set(first.map((issue) => issue.field.split('.')[0]));
  const rest = Object.fromEntries(Object.entries(row).filter(([field]) => !bad.has(field)));
  const again = spec.parse({ ...spec.standIns, ...rest });
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
    const value = row[field];
    const given = typeof value === 'string' ? ` (given: "${value}")` : '';
    return {
      field,
      reason: `${its.map((i) => i.message).join('; ')}${given}`,
      issues: its,
      ...(typeof value === 'string' ? { given: value } : {}),
    };
  });
}

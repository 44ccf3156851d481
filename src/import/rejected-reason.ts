import { describeIssues } from '../chat/texts/field-issues.js';
import { textsFor } from '../chat/texts/texts-for.js';
import type { Locale } from '../core/org/types.js';
import type { RejectedRow } from './validate-import-rows.js';

/**
 * A rejected row's reason in the reader's language: a refusal from its code, a bad field from its problems (the
 * field itself is the report's own column), with the value the row gave so it can be found in the sheet.
 */
export function rejectedReason(row: RejectedRow, locale: Locale): string {
  if (row.code) return textsFor(locale).errors[row.code](row.details ?? {});
  if (!row.issues) return row.reason;
  const problems = describeIssues({ issues: row.issues.map((i) => ({ ...i, field: '(body)' })) }, locale);
  if (row.given === undefined) return problems;
  return locale === 'zh-CN'
    ? `${problems}（填写的是「${row.given}」）`
    : `${problems} (given: "${row.given}")`;
}

/** The report's rows as a reader gets them: the reason in their language, the data left out. */
export function localisedRejected(rows: readonly RejectedRow[], locale: Locale) {
  return rows.map((row) => ({
    rowNumber: row.rowNumber,
    field: row.field,
    reason: rejectedReason(row, locale),
  }));
}

import { fieldName } from '../chat/texts/field-issues.js';
import type { Locale } from '../core/org/types.js';
import type { RowOutcome } from './batch-answer.js';
import type { ImportKind } from './check-lead-file.js';
import { rejectedReason } from './rejected-reason.js';
import type { RejectedRow } from './validate-import-rows.js';

export type ImportCounts = {
  readonly created: number;
  readonly duplicates: number;
  readonly replayed: number;
  /** Rows, not fields: a row with two bad fields counts once. */
  readonly rejected: number;
};

/** Tallies what became of the rows, from the local check and the service's answers. */
export function countOutcomes(local: readonly RejectedRow[], sent: readonly RowOutcome[]): ImportCounts {
  const count = (outcome: RowOutcome['outcome']) => sent.filter((o) => o.outcome === outcome).length;
  const rejectedRows = new Set([
    ...local.map((r) => r.rowNumber),
    ...sent.filter((o) => o.outcome === 'rejected').map((o) => o.rowNumber),
  ]);
  return {
    created: count('created'),
    duplicates: count('duplicate'),
    replayed: count('replayed'),
    rejected: rejectedRows.size,
  };
}

/** 0: every row is in the service (new, duplicate or imported before); 1: some rows were rejected. */
export function exitCodeOf(counts: ImportCounts): 0 | 1 {
  return counts.rejected > 0 ? 1 : 0;
}

export function summaryLine(counts: ImportCounts, locale: Locale = 'en', kind: ImportKind = 'leads'): string {
  // Orders have no 撞单: a repeated order is one imported before (the same number and content) or a clash.
  if (kind === 'orders') {
    return locale === 'zh-CN'
      ? `新建订单 ${counts.created} 个，之前已导入 ${counts.replayed} 个，未导入 ${counts.rejected} 行`
      : `orders created ${counts.created}, already imported ${counts.replayed}, rejected ${counts.rejected}`;
  }
  if (locale === 'zh-CN') {
    return `新建 ${counts.created} 条，撞单 ${counts.duplicates} 条，之前已导入 ${counts.replayed} 条，未导入 ${counts.rejected} 行`;
  }
  return (
    `created ${counts.created}, duplicates ${counts.duplicates}, already imported ${counts.replayed}, ` +
    `rejected ${counts.rejected}`
  );
}

/**
 * One line per bad field, in row order: "row 7  phone  not a phone number …" (zh-CN: "第 7 行  手机  …", the
 * field by its Chinese name, padded with full-width spaces so the reasons line up in a terminal).
 */
export function rejectedLines(rows: readonly RejectedRow[], locale: Locale = 'en'): string[] {
  return [...rows]
    .sort((a, b) => a.rowNumber - b.rowNumber)
    .map((r) =>
      locale === 'zh-CN'
        ? `第 ${String(r.rowNumber).padEnd(5)} 行 ${fieldName(r.field, locale).padEnd(6, '　')} ${rejectedReason(r, locale)}`
        : `row ${String(r.rowNumber).padEnd(5)} ${r.field.padEnd(11)} ${r.reason}`,
    );
}

/** The rows the service rejected, as the local check reports its own. */
export function serverRejected(outcomes: readonly RowOutcome[]): RejectedRow[] {
  return outcomes.flatMap((o) =>
    o.outcome === 'rejected' ? [{ rowNumber: o.rowNumber, field: o.field, reason: o.reason }] : [],
  );
}

/** "row 4 is a duplicate (撞单) of lead …", at most `limit` lines, so a large file does not flood the terminal. */
export function duplicateLines(outcomes: readonly RowOutcome[], limit = 20, locale: Locale = 'en'): string[] {
  const zh = locale === 'zh-CN';
  const lines = outcomes.flatMap((o) =>
    o.outcome !== 'duplicate'
      ? []
      : zh
        ? [`第 ${o.rowNumber} 行与线索 ${o.duplicateOf ?? '（未知）'} 撞单：已存为线索 ${o.id}`]
        : [
            `row ${o.rowNumber} is a duplicate (撞单) of lead ${o.duplicateOf ?? '(unknown)'}: stored as lead ${o.id}`,
          ],
  );
  const more = lines.length - limit;
  return more > 0 ? [...lines.slice(0, limit), zh ? `…… 另有 ${more} 行` : `… and ${more} more`] : lines;
}

import type { HeaderPlan, LeadField } from './lead-headers.js';
import { gradeValue, sourceSlug, splitTags } from './lead-values.js';

/** A row in LeadInput's field names, before the schema checks it: trimmed text, tags as a list, no empty values. */
export type MappedRow = Partial<Record<LeadField, string | string[]>>;

/**
 * Reads one row's cells through the header plan. A row without a source gets the caller's default, since a file
 * usually comes from one channel and says so only on the command line.
 */
export function mapLeadRow(
  cells: Readonly<Record<string, string>>,
  plan: HeaderPlan,
  defaultSource: string,
): MappedRow {
  const row: MappedRow = {};
  for (const { header, field } of plan.columns) {
    const raw = (cells[header] ?? '').trim();
    if (raw !== '') addValue(row, field, raw);
  }
  row.source = typeof row.source === 'string' ? sourceSlug(row.source) : defaultSource;
  if (typeof row.grade === 'string') row.grade = gradeValue(row.grade);
  return row;
}

function addValue(row: MappedRow, field: LeadField, raw: string): void {
  const current = row[field];
  if (field === 'tags') {
    const tags = [...(Array.isArray(current) ? current : []), ...splitTags(raw)];
    row.tags = [...new Set(tags)];
  } else if (field === 'intent') {
    // 需求 and 备注 both describe the customer's need: keep both, one per line.
    row.intent = typeof current === 'string' ? `${current}\n${raw}` : raw;
  } else if (current === undefined) {
    // Other fields fed by two columns (手机 and 电话) take the first non-empty one; planHeaders warned about it.
    row[field] = raw;
  }
}

import { parseAmount } from '../chat/handlers/stage-command-grammar.js';
import type { OrderInput } from '../core/customers/index.js';
import type { MappedRow } from './check-rows.js';
import type { HeaderPlan } from './header-plan.js';

/**
 * Reads one order row's cells through the header plan, as text: trimmed, empty cells left out, the columns of a
 * merged field (明细 and 产品) one per line, other fields the first non-empty column.
 */
export function mapOrderRow(cells: Readonly<Record<string, string>>, plan: HeaderPlan): MappedRow {
  const row: Record<string, string> = {};
  for (const { header, field } of plan.columns) {
    const raw = (cells[header] ?? '').trim();
    if (raw === '') continue;
    const current = row[field];
    if (current === undefined) row[field] = raw;
    else if (field === 'items') row[field] = `${current}\n${raw}`;
  }
  return row;
}

/**
 * The row as `POST /orders` takes it: the amount as a number (`48,000`, `4.8万`, `¥48000` as the stage command
 * reads them) and the signing day as `YYYY-MM-DD` (`2026/12/1`, `2026年12月1日`, `2026.12.01`, or an Excel day
 * number). Text that is neither stays as given, so the schema names the field and quotes it.
 */
export function orderInputOf(row: MappedRow): OrderInput | Record<string, unknown> {
  const { amount, signedAt, ...rest } = row;
  return {
    ...rest,
    ...(typeof amount === 'string' ? { amount: parseAmount(amount) ?? amount } : {}),
    ...(typeof signedAt === 'string' ? { signedAt: dayOf(signedAt) ?? signedAt } : {}),
  };
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

function dayOf(text: string): string | undefined {
  const t = text.normalize('NFKC').trim();
  // An instant with its offset (what the API takes) passes as it is.
  if (/^\d{4}-\d{2}-\d{2}T/.test(t)) return t;
  const ymd = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(t);
  if (ymd) return `${ymd[1]}-${ymd[2]!.padStart(2, '0')}-${ymd[3]!.padStart(2, '0')}`;
  // A date cell saved as its day number (a CSV from Excel with the column formatted as a number).
  if (/^\d{5}$/.test(t)) return new Date(EXCEL_EPOCH_MS + Number(t) * 86_400_000).toISOString().slice(0, 10);
  return undefined;
}

import type { CellValue } from 'exceljs';

/** The text a person sees in an XLSX cell, for every kind of value exceljs gives. */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return dateText(value);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  // A formula is imported as what it computed; a file saved by a program that never computed it has no result.
  if ('formula' in value || 'sharedFormula' in value)
    return value.result === undefined ? '' : cellText(value.result);
  if ('hyperlink' in value) return cellText(value.text as CellValue);
  // '#N/A' and friends mean "no value", not a value to import.
  if ('error' in value) return '';
  return '';
}

// A phone typed as a number (13812345678) must read as its digits, never as 1.38E+10, so integers are written out
// in full. Other numbers are rounded to 15 significant digits, Excel's own precision, so that a floating-point
// artefact such as 0.30000000000000004 reads as the 0.3 the user typed.
function numberText(n: number): string {
  if (!Number.isFinite(n)) return '';
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return n.toFixed(0);
  return String(Number(n.toPrecision(15)));
}

// Excel dates carry no time zone and exceljs reads them as UTC; a date without a time reads as the day alone.
function dateText(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}

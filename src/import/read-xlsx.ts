import type ExcelJS from 'exceljs';
import { cellText } from './cell-text.js';
import { ImportError } from './import-error.js';
import { DEFAULT_IMPORT_LIMITS, type ImportLimits, limitCounter, unzipsTooLarge } from './import-limits.js';
import type { GridLine } from './raw-rows.js';
import { zipInflatesWithin, zipUnpackedSize } from './zip-unpacked-size.js';

/** The lines of the first worksheet of an XLSX workbook, with their own row numbers. */
export async function readXlsx(
  bytes: Uint8Array,
  limits: ImportLimits = DEFAULT_IMPORT_LIMITS,
): Promise<GridLine[]> {
  // Checked before exceljs unzips anything: what the file unzips to bounds the memory and time the load takes. The
  // declared sizes first (free), then the real ones (headers can lie), inflating at most the limit.
  const max = limits.maxUnzippedBytes;
  if ((zipUnpackedSize(bytes) ?? 0) > max || !zipInflatesWithin(bytes, max)) throw unzipsTooLarge(max);
  // Loaded only for an XLSX: exceljs is large, and a CSV import's worker need not pay for it.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    // exceljs declares its own Buffer type; a Node Buffer is what it reads at run time.
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ImportError({ kind: 'bad_xlsx', cause: reason });
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new ImportError({ kind: 'no_sheet' });
  const counted = limitCounter(limits);
  const lines: GridLine[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      values[column - 1] = cellText(cell.value);
    });
    counted(values.length);
    lines.push({ rowNumber, values: Array.from(values, (v) => v ?? '') });
  });
  return lines;
}

import ExcelJS from 'exceljs';
import { cellText } from './cell-text.js';
import { ImportError } from './import-error.js';
import type { GridLine } from './raw-rows.js';

/** The lines of the first worksheet of an XLSX workbook, with their own row numbers. */
export async function readXlsx(bytes: Uint8Array): Promise<GridLine[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs declares its own Buffer type; a Node Buffer is what it reads at run time.
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ImportError(
      `cannot read the XLSX file (${reason}); open it in Excel and save it as .xlsx again`,
    );
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new ImportError('the workbook has no worksheet; put the leads on the first sheet');
  const lines: GridLine[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      values[column - 1] = cellText(cell.value);
    });
    lines.push({ rowNumber, values: Array.from(values, (v) => v ?? '') });
  });
  return lines;
}

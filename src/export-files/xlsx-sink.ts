import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Cell, ExportSink } from '../core/exports/index.js';
import { sheetZipInput, zipInputFull } from './sheet-zip-input.js';
import { drained } from './write-with-backpressure.js';

/**
 * An XLSX writer over a stream with exceljs's streaming workbook: each row is committed (written to the zip and
 * forgotten) as it comes, shared strings and styles are off (both would keep every distinct string in memory).
 * Text cells are stored as text, never as formulas, so the CSV's apostrophe guard is not needed here.
 * https://github.com/exceljs/exceljs#streaming-xlsx-writer
 */
export function xlsxSink(out: Writable, sheetName: string): ExportSink {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: false,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31));
  // The zip is written to `out` as rows are committed; when `out` is full, or the zip's own input is (exceljs does
  // not wait for it: sheet-zip-input.ts), the next row waits for it to drain, so memory stays flat.
  const waitIfFull = async () => {
    if (out.destroyed) throw new Error('export stream closed');
    if (out.writableNeedDrain) await drained(out);
    const input = sheetZipInput(sheet);
    if (input && zipInputFull(input)) await drained(out, input);
  };
  return {
    async header(cells) {
      sheet.addRow([...cells]).commit();
      await waitIfFull();
    },
    async row(cells: readonly Cell[]) {
      sheet.addRow(cells.map((c) => (c === undefined ? null : c))).commit();
      await waitIfFull();
    },
    async end() {
      sheet.commit();
      await workbook.commit();
    },
  };
}

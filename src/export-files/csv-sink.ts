import type { Writable } from 'node:stream';
import type { Cell, ExportSink } from '../core/exports/index.js';
import { endStream, writeChunk } from './write-with-backpressure.js';

// Excel opens a UTF-8 CSV as UTF-8 (Chinese intact) only when it starts with the byte order mark.
const BOM = '\uFEFF';
// RFC 4180: CRLF between records; a field is quoted when it holds a comma, a quote, CR or LF, quotes doubled.
const NEEDS_QUOTES = /[",\r\n]/;
/**
 * CSV (formula) injection: a spreadsheet runs a cell that starts with one of these as a formula
 * (`=HYPERLINK(…)`, `@SUM(…)`, `+cmd|…`), so a text cell starting with one gets a leading apostrophe, which
 * spreadsheets show as text. Tab and CR start formulas in some too (OWASP's list). Numbers are left as they are.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
// Rows are gathered into chunks of about this many characters: a million one-row writes would cost more than the
// rows themselves, and a chunk is still small next to the stream's own buffer.
const CHUNK_CHARS = 64 * 1024;

export function csvCell(cell: Cell): string {
  if (cell === undefined) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  const text = FORMULA_START.test(cell) ? `'${cell}` : cell;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const line = (cells: readonly Cell[]) => `${cells.map(csvCell).join(',')}\r\n`;

/** A CSV writer over a stream: BOM, header, one record per row; waits whenever the stream asks it to. */
export function csvSink(out: Writable): ExportSink {
  let pending = BOM;
  const flush = async () => {
    const chunk = pending;
    pending = '';
    if (chunk.length > 0) await writeChunk(out, chunk);
  };
  return {
    async header(cells) {
      pending += line(cells);
      await flush();
    },
    async row(cells) {
      pending += line(cells);
      if (pending.length >= CHUNK_CHARS) await flush();
    },
    async end() {
      await flush();
      await endStream(out);
    },
  };
}

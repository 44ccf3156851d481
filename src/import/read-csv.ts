import { parse } from 'csv-parse/sync';
import { utf8Bytes } from './decode-text.js';
import { ImportError } from './import-error.js';
import { DEFAULT_IMPORT_LIMITS, type ImportLimits, limitCounter } from './import-limits.js';
import type { GridLine } from './raw-rows.js';

const DELIMITERS = [',', '\t', ';'] as const;

/**
 * The lines of a CSV file; each record is one spreadsheet row, even when a quoted value spans several lines.
 * Reading stops at the first row or cell over the limits, so a huge file costs no more than the limit.
 */
export function readCsv(bytes: Uint8Array, limits: ImportLimits = DEFAULT_IMPORT_LIMITS): GridLine[] {
  const utf8 = utf8Bytes(bytes);
  const counted = limitCounter(limits);
  try {
    const records: string[][] = parse(Buffer.from(utf8.buffer, utf8.byteOffset, utf8.byteLength), {
      delimiter: delimiterOf(utf8),
      relax_column_count: true,
      relax_quotes: true,
      // Empty lines are kept so that record numbers stay the row numbers Excel shows; rowsFromGrid drops them.
      skip_empty_lines: false,
      on_record: (record: string[]) => {
        // An empty line is no row of the limit: Excel shows it, but nothing is imported from it.
        if (record.some((value) => value.trim() !== '')) counted(record.length);
        return record;
      },
    });
    return records.map((values, i) => ({ rowNumber: i + 1, values }));
  } catch (error) {
    if (error instanceof ImportError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new ImportError({ kind: 'bad_csv', cause: reason });
  }
}

// Excel writes ";" where the decimal mark is a comma and tabs for "Unicode text"; the header line tells which.
function delimiterOf(utf8: Uint8Array): string {
  const end = utf8.indexOf(0x0a);
  const header = new TextDecoder().decode(utf8.subarray(0, end === -1 ? utf8.length : end));
  const counts = DELIMITERS.map((d) => header.split(d).length - 1);
  const best = Math.max(...counts);
  return best === 0 ? ',' : DELIMITERS[counts.indexOf(best)]!;
}

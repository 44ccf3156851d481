import { parse } from 'csv-parse/sync';
import { decodeText } from './decode-text.js';
import { ImportError } from './import-error.js';
import type { GridLine } from './raw-rows.js';

const DELIMITERS = [',', '\t', ';'] as const;

/** The lines of a CSV file; each record is one spreadsheet row, even when a quoted value spans several lines. */
export function readCsv(bytes: Uint8Array): GridLine[] {
  const text = decodeText(bytes);
  try {
    const records: string[][] = parse(text, {
      delimiter: delimiterOf(text),
      relax_column_count: true,
      relax_quotes: true,
      // Empty lines are kept so that record numbers stay the row numbers Excel shows; rowsFromGrid drops them.
      skip_empty_lines: false,
    });
    return records.map((values, i) => ({ rowNumber: i + 1, values }));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ImportError(
      `cannot read the CSV file (${reason}); save it from Excel as "CSV UTF-8" and retry`,
    );
  }
}

// Excel writes ";" where the decimal mark is a comma and tabs for "Unicode text"; the header line tells which.
function delimiterOf(text: string): string {
  const header = text.slice(0, text.search(/\r?\n|$/));
  const counts = DELIMITERS.map((d) => header.split(d).length - 1);
  const best = Math.max(...counts);
  return best === 0 ? ',' : DELIMITERS[counts.indexOf(best)]!;
}

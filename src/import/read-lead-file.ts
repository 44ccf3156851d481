import path from 'node:path';
import { ImportError } from './import-error.js';
import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from './import-limits.js';
import { type RawRow, rowsFromGrid } from './raw-rows.js';
import { readCsv } from './read-csv.js';
import { readXlsx } from './read-xlsx.js';

export type ImportFormat = 'csv' | 'xlsx';
export type { RawRow } from './raw-rows.js';

/**
 * The data rows of a CSV or XLSX file: `{ rowNumber, cells }` with cells keyed by the header's own text, fully
 * empty rows left out. The format is given, or taken from the file name's extension. A file over `limits` throws
 * an ImportLimitError naming the limit.
 */
export async function readLeadFile(
  bytes: Uint8Array,
  source: { readonly fileName: string } | { readonly format: ImportFormat },
  limits: ImportLimits = DEFAULT_IMPORT_LIMITS,
): Promise<RawRow[]> {
  const format = 'format' in source ? source.format : formatOf(source.fileName);
  const grid = format === 'csv' ? readCsv(bytes, limits) : await readXlsx(bytes, limits);
  return rowsFromGrid(grid);
}

export function formatOf(fileName: string): ImportFormat {
  const ext = path.extname(fileName).toLowerCase();
  if (ext === '.csv' || ext === '.txt' || ext === '.tsv') return 'csv';
  if (ext === '.xlsx') return 'xlsx';
  // The old binary .xls (and .et/.numbers) would need another reader; Excel and WPS both save .xlsx.
  if (ext === '.xls' || ext === '.et') {
    throw new ImportError({ kind: 'old_format', file: fileName, ext });
  }
  throw new ImportError({ kind: 'unknown_type', file: fileName });
}

import { ImportError } from './import-error.js';

/** What one import file may hold; the service takes them from IMPORT_MAX_* in the config table. */
export type ImportLimits = {
  /** Data rows (the header not counted). */
  readonly maxRows: number;
  /** Cells read, rows × columns, so that a few rows of 10,000 columns cannot stand in for a million rows. */
  readonly maxCells: number;
  /** Bytes an XLSX unzips to: a small file can unzip to gigabytes (a zip bomb). */
  readonly maxUnzippedBytes: number;
};

export const DEFAULT_IMPORT_LIMITS: ImportLimits = {
  maxRows: 50_000,
  maxCells: 2_000_000,
  maxUnzippedBytes: 40 * 1024 * 1024,
};

export type ImportLimitName =
  | 'IMPORT_MAX_ROWS'
  | 'IMPORT_MAX_CELLS'
  | 'IMPORT_MAX_UNZIPPED_MB'
  | 'IMPORT_MEMORY';

/** The file is over one of the limits: the API answers 413 naming it, the CLI exits 2 with the same text. */
export class ImportLimitError extends ImportError {
  readonly limit: ImportLimitName;
  readonly max: number;

  constructor(limit: ImportLimitName, max: number) {
    super({ kind: 'over_limit', limit, max });
    this.limit = limit;
    this.max = max;
  }
}

export const tooManyRows = (max: number) => new ImportLimitError('IMPORT_MAX_ROWS', max);

export const tooManyCells = (max: number) => new ImportLimitError('IMPORT_MAX_CELLS', max);

export const unzipsTooLarge = (maxBytes: number) =>
  new ImportLimitError('IMPORT_MAX_UNZIPPED_MB', Math.round(maxBytes / 1024 / 1024));

/** Counts rows and cells as a reader goes, and throws the limit's error at the first one too many. */
export function limitCounter(limits: ImportLimits): (cells: number) => void {
  let rows = -1; // the first line read is the header
  let cells = 0;
  return (lineCells) => {
    rows++;
    cells += lineCells;
    if (rows > limits.maxRows) throw tooManyRows(limits.maxRows);
    if (cells > limits.maxCells) throw tooManyCells(limits.maxCells);
  };
}

/** The limits from the config table's IMPORT_MAX_* settings. */
export function importLimitsOf(settings: {
  readonly IMPORT_MAX_ROWS: number;
  readonly IMPORT_MAX_CELLS: number;
  readonly IMPORT_MAX_UNZIPPED_MB: number;
}): ImportLimits {
  return {
    maxRows: settings.IMPORT_MAX_ROWS,
    maxCells: settings.IMPORT_MAX_CELLS,
    maxUnzippedBytes: settings.IMPORT_MAX_UNZIPPED_MB * 1024 * 1024,
  };
}

/**
 * The import cannot go on at all: a file that is not a spreadsheet, a service that cannot be reached, a token it
 * refuses. The message says what to do; the CLI prints it and exits 2. Problems of single rows are never thrown:
 * they are reported per row.
 */
export class ImportError extends Error {
  override readonly name = 'ImportError';
}

import { importTexts } from '../chat/texts/import-texts.js';
import type { ImportLimitName } from './import-limits.js';

/** What stopped an import, as data: each reader's catalogue words it (chat/texts/import-texts.ts). */
export type ImportProblem =
  | { readonly kind: 'cannot_read'; readonly file: string; readonly cause: string }
  | { readonly kind: 'bad_settings'; readonly cause: string }
  | { readonly kind: 'too_slow' }
  | { readonly kind: 'bad_csv'; readonly cause: string }
  | { readonly kind: 'bad_xlsx'; readonly cause: string }
  | { readonly kind: 'no_sheet' }
  | { readonly kind: 'old_format'; readonly file: string; readonly ext: string }
  | { readonly kind: 'unknown_type'; readonly file: string }
  | {
      readonly kind: 'unreachable';
      readonly endpoint: string;
      readonly cause: string;
      readonly attempts: number;
    }
  | { readonly kind: 'token_refused' }
  | { readonly kind: 'token_forbidden' }
  | { readonly kind: 'no_endpoint'; readonly endpoint: string }
  | { readonly kind: 'chunk_too_large'; readonly chunk: number }
  | { readonly kind: 'service_failed'; readonly status: number; readonly attempts: number }
  | { readonly kind: 'service_refused'; readonly status: number; readonly message: string }
  | { readonly kind: 'not_leadrelay'; readonly endpoint: string; readonly expected: number }
  /** Over one of the service's limits (import-limits.ts): `max` rows, cells or MB. */
  | { readonly kind: 'over_limit'; readonly limit: ImportLimitName; readonly max: number };

/** Something about the file that does not stop the import, as data (worded like ImportProblem). */
export type ImportWarning =
  | { readonly kind: 'ignored_column'; readonly header: string }
  | { readonly kind: 'same_field'; readonly headers: readonly string[]; readonly field: string }
  | { readonly kind: 'no_header' }
  | { readonly kind: 'repeated_row'; readonly row: number; readonly first: number };

/**
 * The import cannot go on at all: a file that is not a spreadsheet, a service that cannot be reached, a token it
 * refuses. The message says what to do; the CLI prints it and exits 2. Problems of single rows are never thrown:
 * they are reported per row. `message` is the English text (the API and logs); `problem` lets the CLI word it in
 * the reader's language. A usage error has no problem: it is English, as the usage it shows.
 */
export class ImportError extends Error {
  override readonly name = 'ImportError';
  readonly problem?: ImportProblem;

  constructor(problem: ImportProblem | string) {
    super(typeof problem === 'string' ? problem : importTexts('en').problem(problem));
    if (typeof problem !== 'string') this.problem = problem;
  }
}

import { ImportError } from './import-error.js';

/** The service could not be reached at all (refused, unknown host, timed out), after every retry. */
export function unreachable(endpoint: string, attempts: number, error: unknown): ImportError {
  return new ImportError({ kind: 'unreachable', endpoint, cause: causeOf(error), attempts });
}

/**
 * The service answered the whole request with an error: what to do about it. A rejected row is not one of these:
 * it comes back inside a 200 answer and is reported with its row.
 */
export async function refused(
  endpoint: string,
  attempts: number,
  response: Response,
  chunkSize: number,
): Promise<ImportError> {
  const status = response.status;
  if (status === 401) return new ImportError({ kind: 'token_refused' });
  if (status === 403) return new ImportError({ kind: 'token_forbidden' });
  if (status === 404) return new ImportError({ kind: 'no_endpoint', endpoint });
  if (status === 413) return new ImportError({ kind: 'chunk_too_large', chunk: chunkSize });
  if (status >= 500 || status === 429) return new ImportError({ kind: 'service_failed', status, attempts });
  return new ImportError({ kind: 'service_refused', status, message: await errorMessage(response) });
}

// The API answers errors as { error: { code, message } }; anything else is shown by its status text.
async function errorMessage(response: Response): Promise<string> {
  const body = (await response.json().catch(() => undefined)) as
    | { error?: { message?: unknown } }
    | undefined;
  const message = body?.error?.message;
  return typeof message === 'string' ? message : response.statusText;
}

// fetch reports "fetch failed" and hides the useful part (ECONNREFUSED, ENOTFOUND) in its cause.
function causeOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause as { code?: unknown } | undefined;
  if (cause && typeof cause.code === 'string') return cause.code;
  if (error.name === 'TimeoutError') return 'no answer in time';
  return error.message;
}

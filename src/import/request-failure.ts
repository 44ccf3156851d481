import { ImportError } from './import-error.js';

const RERUN =
  'rows sent before this are stored; re-running the same command imports the rest without duplicates';

/** The service could not be reached at all (refused, unknown host, timed out), after every retry. */
export function unreachable(endpoint: string, attempts: number, error: unknown): ImportError {
  return new ImportError(
    `cannot reach ${endpoint} (${causeOf(error)}, ${attempts} tries): is the service running? start it with ` +
      `npm start, or point --url / LEADRELAY_URL at it; ${RERUN}`,
  );
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
  if (status === 401) {
    return new ImportError(
      'the service refused the API token (401): set --token or LEADRELAY_API_TOKEN; the demo token is printed by npm start',
    );
  }
  if (status === 403) return new ImportError('this API token may not create leads (403): use an admin token');
  if (status === 404) {
    return new ImportError(
      `${endpoint} does not exist (404): is --url the Leadrelay service, and is it up to date?`,
    );
  }
  if (status === 413) {
    return new ImportError(
      `a chunk of ${chunkSize} leads is too large for the service (413): use --chunk 100`,
    );
  }
  if (status >= 500 || status === 429) {
    return new ImportError(`the service failed (${status}) ${attempts} times: try again later; ${RERUN}`);
  }
  return new ImportError(
    `the service refused the request (${status}: ${await errorMessage(response)}); ${RERUN}`,
  );
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

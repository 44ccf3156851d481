import type { Strategy } from '../core/leads/routing-types.js';
import { batchAnswerSchema, type RowOutcome, rowOutcomes } from './batch-answer.js';
import type { ImportKind } from './check-lead-file.js';
import type { GoodRow } from './check-rows.js';
import { ImportError } from './import-error.js';
import { refused, unreachable } from './request-failure.js';

export type SendOptions = {
  /** The service's base URL, e.g. http://localhost:3000. */
  readonly url: string;
  readonly token: string;
  /** What the rows are: leads (to `/leads:batch`, the default) or orders (to `/orders:batch`). */
  readonly kind?: ImportKind;
  /** Leads only: route the whole file by this strategy. */
  readonly strategy?: Strategy;
  readonly chunkSize: number;
  /** The language the service words its refusals in (Accept-Language); the service's default when absent. */
  readonly lang?: string;
  /** Called after each chunk with the number of rows sent so far. */
  readonly onProgress?: (sent: number) => void;
  readonly fetch?: typeof fetch;
  readonly sleep?: (ms: number) => Promise<void>;
};

// Retrying is safe because every row carries its idempotency key: a chunk the service stored before the answer was
// lost is replayed, not stored twice.
const RETRIES = 3;
const BACKOFF_MS = 500;
// A thousand leads routed and stored in one request can take a while on a small database.
const TIMEOUT_MS = 120_000;

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Sends the good rows in chunks to `POST /api/v1/leads:batch` (or `/orders:batch`), saying what became of each. */
export async function sendLeadBatches(
  rows: readonly GoodRow<unknown>[],
  options: SendOptions,
): Promise<RowOutcome[]> {
  const outcomes: RowOutcome[] = [];
  for (let start = 0; start < rows.length; start += options.chunkSize) {
    const chunk = rows.slice(start, start + options.chunkSize);
    const results = await postChunk(chunk, options);
    chunk.forEach((row, i) => {
      outcomes.push(...rowOutcomes(row, results[i]!));
    });
    options.onProgress?.(start + chunk.length);
  }
  return outcomes;
}

export function batchEndpoint(url: string, kind: ImportKind = 'leads'): string {
  return `${url.replace(/\/+$/, '')}/api/v1/${kind}:batch`;
}

async function postChunk(chunk: readonly GoodRow<unknown>[], options: SendOptions) {
  const kind = options.kind ?? 'leads';
  const endpoint = batchEndpoint(options.url, kind);
  // Both batch endpoints take the records under their kind's name and a key per record.
  const body = JSON.stringify({
    [kind]: chunk.map((row) => row.input),
    idempotencyKeys: chunk.map((row) => row.idempotencyKey),
    ...(options.strategy && kind === 'leads' ? { strategy: options.strategy } : {}),
  });
  const send = options.fetch ?? fetch;
  const sleep = options.sleep ?? wait;
  for (let attempt = 0; ; attempt++) {
    const last = attempt === RETRIES;
    let response: Response;
    try {
      response = await send(endpoint, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${options.token}`,
          ...(options.lang ? { 'accept-language': options.lang } : {}),
        },
        body,
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      if (last) throw unreachable(endpoint, attempt + 1, error);
      await sleep(BACKOFF_MS * 2 ** attempt);
      continue;
    }
    const retryable = response.status >= 500 || response.status === 429;
    if (retryable && !last) {
      await sleep(BACKOFF_MS * 2 ** attempt);
      continue;
    }
    if (!response.ok) throw await refused(endpoint, attempt + 1, response, chunk.length);
    return readResults(response, chunk.length, endpoint);
  }
}

async function readResults(response: Response, expected: number, endpoint: string) {
  const answer = batchAnswerSchema.safeParse(await response.json().catch(() => undefined));
  if (!answer.success || answer.data.results.length !== expected) {
    throw new ImportError({ kind: 'not_leadrelay', endpoint, expected });
  }
  return answer.data.results;
}

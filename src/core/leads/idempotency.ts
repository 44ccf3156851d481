import { DomainError } from '../shared/errors.js';
import type { Lead } from './lead-types.js';

/** What a replay is compared with: a stored lead, or one planned earlier in the same batch. */
type Earlier = Pick<Lead, 'idempotencyKey' | 'fingerprint' | 'source' | 'externalId'> & {
  readonly id: Lead['id'];
};

/** How a client names a request again: its idempotency key (kind-prefixed as stored), or source + externalId. */
export type ReplayKey = {
  readonly idempotencyKey?: string;
  readonly source: string;
  readonly externalId?: string;
};

/** The replay key of a request: its (kind-prefixed) idempotency key if any, and its source + externalId. */
export function replayOf(
  input: { readonly source: string; readonly externalId?: string | undefined },
  options: { readonly idempotencyKey?: string | undefined },
): ReplayKey {
  return {
    source: input.source,
    ...(options.idempotencyKey !== undefined ? { idempotencyKey: options.idempotencyKey } : {}),
    ...(input.externalId !== undefined ? { externalId: input.externalId } : {}),
  };
}

// Each kind of request has its own key space, so a batch sent with header `K` (items `K#0`, `K#1`…) can never meet
// a single POST that happens to use `K#0`. The prefix is part of the stored key (and of its unique index).
export const singleRequestKey = (key: string): string => `single:${key}`;
export const batchItemKey = (key: string): string => `batch:${key}`;

/**
 * The earlier lead a replay found, if it is the same request: same fingerprint. A key (or an externalId) reused for
 * a different body is refused (409), never answered with the first lead as if the second had been stored. A lead
 * stored before fingerprints existed has none and cannot be told apart: it is taken as the same request.
 */
export function sameRequestOrRefuse<L extends Earlier>(
  earlier: L,
  fingerprint: string,
  replay: ReplayKey,
): L {
  if (earlier.fingerprint === undefined || earlier.fingerprint === fingerprint) return earlier;
  throw keyReused(earlier, replay);
}

function keyReused(earlier: Earlier, replay: ReplayKey): DomainError {
  const byKey = replay.idempotencyKey !== undefined && earlier.idempotencyKey === replay.idempotencyKey;
  return new DomainError('IDEMPOTENCY_KEY_REUSED', {
    leadId: earlier.id,
    matchedOn: byKey ? 'idempotencyKey' : 'externalId',
    ...(byKey ? {} : { source: earlier.source, externalId: earlier.externalId }),
  });
}

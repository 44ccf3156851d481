import type { OrgId } from '../shared/ids.js';

/** What taking an (org, week) digest run found: this caller holds it now, it is finished, or another holds it. */
export type DigestTake = 'taken' | 'done' | 'busy';

/**
 * The weekly digest's run markers, one per org and ISO week. `take` is one atomic write that either creates the
 * marker `running` with a lease or re-takes a `running` one whose lease has expired (its runner crashed), so at any
 * moment at most one runner holds an (org, week); `finish` marks it `done` for good. Once a marker is `done` no
 * runner sends that week's cards again; a crashed run is resumed by the next runner after the lease, and what it
 * had already enqueued is dropped by the outbox's idempotency keys.
 */
export interface DigestRuns {
  take(orgId: OrgId, week: string, now: Date, leaseMs: number): Promise<DigestTake>;
  finish(orgId: OrgId, week: string, now: Date, cards: number): Promise<void>;
}

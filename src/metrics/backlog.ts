/** What /metrics and /readyz read from the database, collected when asked (not by a timer). */
export type OutboxBacklog = {
  /** Entries waiting or being sent (pending + sending). */
  readonly depth: number;
  /** The due time of the entry that has waited longest past it, or null when none is overdue. */
  readonly oldestOverdueSince: Date | null;
};

/** The port storage implements with indexed queries (storage/repositories/backlog-queries.ts). */
export interface BacklogQueries {
  outbox(now: Date): Promise<OutboxBacklog>;
  /** Leads by status over every org: one count per status on an index led by status. */
  leadsByStatus(): Promise<Readonly<Record<string, number>>>;
}

/**
 * Caches each read for `ttlMs` of real time, and shares one read in flight among all who ask meanwhile: a scrape
 * storm (several Prometheus servers, a dashboard refreshed by many, probes of every instance) then costs the
 * database at most one query set per period, whatever the number of scrapes.
 */
export function cached<T>(
  read: () => Promise<T>,
  ttlMs: number,
  now: () => number = Date.now,
): () => Promise<T> {
  let value: { at: number; promise: Promise<T> } | undefined;
  return () => {
    const t = now();
    if (value && t - value.at < ttlMs) return value.promise;
    const promise = read();
    value = { at: t, promise };
    // A failed read is not kept: the next caller tries again (the database may be back).
    promise.catch(() => {
      if (value?.promise === promise) value = undefined;
    });
    return promise;
  };
}

import type { Clock } from '../core/shared/clock.js';
import { cached } from '../metrics/backlog.js';
import { ageSeconds, backlogGauges } from '../metrics/backlog-gauges.js';
import { countDbCommands } from '../metrics/count-db-commands.js';
import { countedInboundEvents } from '../metrics/counted-inbound-events.js';
import { serviceMetrics } from '../metrics/service-metrics.js';
import type { Storage } from './build-storage.js';

/** How long a backlog read is reused: Prometheus scrapes every 15–60 s, probes every 5–10 s, per instance. */
const OUTBOX_READ_TTL_MS = 5_000;
/** Leads by status is one count per status over the whole index: it changes slowly, so it is read less often. */
const LEADS_READ_TTL_MS = 30_000;

/**
 * The metrics of one app, and the storage with its inbound ledger counted. The backlog reads are cached and shared
 * by /metrics and /readyz, so neither a scrape storm nor probes of every instance can load the database.
 */
export function buildMetrics(storage: Storage, clock: Clock) {
  const metrics = serviceMetrics();
  const outbox = cached(() => storage.backlog.outbox(clock.now()), OUTBOX_READ_TTL_MS);
  const leadsByStatus = cached(() => storage.backlog.leadsByStatus(), LEADS_READ_TTL_MS);
  backlogGauges(metrics.registry, { outbox, leadsByStatus, now: () => clock.now() });
  // Counts only when the connection was opened with monitorCommands (main.ts does; most tests do not).
  countDbCommands(storage.connection.getClient(), metrics);
  return {
    metrics,
    storage: { ...storage, inboundEvents: countedInboundEvents(storage.inboundEvents, metrics) },
    outboxAgeSeconds: async () => ageSeconds(await outbox(), clock.now()),
  };
}

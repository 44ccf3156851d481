import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';

/**
 * The service's Prometheus metrics, on a registry of its own (not prom-client's global one), so a test process can
 * build several apps without "metric already registered" and each app's /metrics shows only its own figures.
 * The names are a contract: deploy/grafana's dashboard queries them (test/deploy/grafana.test.ts checks it against
 * this registry, labels included).
 */
export function serviceMetrics() {
  const registry = new Registry();
  // CPU, memory, event-loop lag, GC, open handles: prom-client's standard set, under our prefix.
  collectDefaultMetrics({ register: registry, prefix: 'leadrelay_' });
  const seconds = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
  return {
    registry,
    httpRequests: new Counter({
      name: 'leadrelay_http_requests_total',
      help: 'HTTP requests answered, by matched route (not the raw URL), method and status.',
      labelNames: ['route', 'method', 'status'] as const,
      registers: [registry],
    }),
    httpDuration: new Histogram({
      name: 'leadrelay_http_request_duration_seconds',
      help: 'Time to answer an HTTP request, by matched route and method.',
      labelNames: ['route', 'method'] as const,
      buckets: seconds,
      registers: [registry],
    }),
    inboundEvents: new Counter({
      name: 'leadrelay_inbound_events_total',
      help: 'Chat events received, by platform and outcome (handled, duplicate, busy, crashed).',
      labelNames: ['platform', 'outcome'] as const,
      registers: [registry],
    }),
    outboxDeliveries: new Counter({
      name: 'leadrelay_outbox_deliveries_total',
      help: 'Outbox delivery attempts, by platform and outcome (sent, retried, failed, dead).',
      labelNames: ['platform', 'outcome'] as const,
      registers: [registry],
    }),
    jobRuns: new Counter({
      name: 'leadrelay_job_runs_total',
      help: 'Scheduled job runs in this process, by job and outcome (ok, error).',
      labelNames: ['job', 'outcome'] as const,
      registers: [registry],
    }),
    jobDuration: new Histogram({
      name: 'leadrelay_job_duration_seconds',
      help: 'Duration of one scheduled job run, by job.',
      labelNames: ['job'] as const,
      buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30, 60, 300],
      registers: [registry],
    }),
    dbCommands: new Counter({
      name: 'leadrelay_db_commands_total',
      help: 'Database commands sent by the driver (command monitoring), by command name.',
      labelNames: ['command'] as const,
      registers: [registry],
    }),
  };
}

export type ServiceMetrics = ReturnType<typeof serviceMetrics>;

/** Every metric name this service exports besides prom-client's default process metrics. */
export const METRIC_NAMES = [
  'leadrelay_http_requests_total',
  'leadrelay_http_request_duration_seconds',
  'leadrelay_inbound_events_total',
  'leadrelay_outbox_depth',
  'leadrelay_outbox_oldest_pending_age_seconds',
  'leadrelay_outbox_deliveries_total',
  'leadrelay_job_runs_total',
  'leadrelay_job_duration_seconds',
  'leadrelay_leads',
  'leadrelay_db_commands_total',
] as const;

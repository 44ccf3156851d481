import { Gauge, type Registry } from 'prom-client';
import type { OutboxBacklog } from './backlog.js';

export type BacklogReads = {
  /** Cached (metrics/backlog.ts `cached`): the same read readiness uses. */
  readonly outbox: () => Promise<OutboxBacklog>;
  readonly leadsByStatus: () => Promise<Readonly<Record<string, number>>>;
  /** The app's clock (the sandbox may have moved it): outbox due times are written in it. */
  readonly now: () => Date;
};

/**
 * The gauges that need the database, read when Prometheus scrapes (no timer queries an idle database). A failed read
 * (the database down) leaves the gauge out of that scrape instead of failing the whole scrape, whose HTTP, job and
 * process figures matter most exactly then.
 */
export function backlogGauges(registry: Registry, reads: BacklogReads): void {
  new Gauge({
    name: 'leadrelay_outbox_depth',
    help: 'Outbox messages waiting or being sent, over every org.',
    registers: [registry],
    async collect() {
      this.reset();
      const backlog = await reads.outbox().catch(() => undefined);
      if (backlog) this.set(backlog.depth);
    },
  });
  new Gauge({
    name: 'leadrelay_outbox_oldest_pending_age_seconds',
    help: 'How long the most overdue outbox message has been due and not delivered (0 when none is overdue).',
    registers: [registry],
    async collect() {
      this.reset();
      const backlog = await reads.outbox().catch(() => undefined);
      if (backlog) this.set(ageSeconds(backlog, reads.now()));
    },
  });
  new Gauge({
    name: 'leadrelay_leads',
    help: 'Leads by status, over every org.',
    labelNames: ['status'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      const counts = await reads.leadsByStatus().catch(() => undefined);
      for (const [status, n] of Object.entries(counts ?? {})) this.set({ status }, n);
    },
  });
}

/** Seconds the oldest overdue message has waited past its due time; 0 when nothing is overdue. */
export function ageSeconds(backlog: OutboxBacklog, now: Date): number {
  if (!backlog.oldestOverdueSince) return 0;
  return Math.max(0, (now.getTime() - backlog.oldestOverdueSince.getTime()) / 1000);
}

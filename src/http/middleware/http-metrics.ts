import type { Middleware } from 'koa';
import type { ServiceMetrics } from '../../metrics/service-metrics.js';

/**
 * Counts and times every request by the route the router matched (`/api/v1/leads/:id`, not `/api/v1/leads/6a…`), so
 * the series stay bounded whatever URLs clients send; a path no route serves is `unmatched`. Runs first, so the
 * time includes auth, rate limits and errors, and the status is the one the client got.
 */
export function httpMetrics(metrics: Pick<ServiceMetrics, 'httpRequests' | 'httpDuration'>): Middleware {
  return async (ctx, next) => {
    const started = process.hrtime.bigint();
    try {
      await next();
    } finally {
      const route = (ctx as { _matchedRoute?: unknown })._matchedRoute;
      const labels = { route: typeof route === 'string' ? route : 'unmatched', method: ctx.method };
      metrics.httpRequests.inc({ ...labels, status: String(ctx.status) });
      metrics.httpDuration.observe(labels, Number(process.hrtime.bigint() - started) / 1e9);
    }
  };
}

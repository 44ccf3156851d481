import { createHash, timingSafeEqual } from 'node:crypto';
import Router from '@koa/router';
import type { Registry } from 'prom-client';
import { type ApiTokenRepository, hashToken } from '../../core/org/api-tokens.js';
import { DomainError } from '../../core/shared/errors.js';

export type MetricsRouteDeps = {
  readonly registry: Registry;
  /**
   * Who may scrape: `open` on a separate METRICS_PORT (no token there: it is meant to be reachable only from the
   * monitoring network, and Prometheus' simplest config has none); else METRICS_TOKEN or any org's admin API token.
   */
  readonly access:
    | { readonly open: true }
    | { readonly metricsToken?: string; readonly tokens: ApiTokenRepository };
};

export const METRICS_PATH = '/metrics';

/** `GET /metrics` in Prometheus' text format (prom-client renders it; the gauges read the database then). */
export function metricsRoutes(deps: MetricsRouteDeps): Router {
  const router = new Router();
  router.get(METRICS_PATH, async (ctx) => {
    if (!('open' in deps.access)) await authorize(ctx.get('authorization'), deps.access);
    ctx.set('content-type', deps.registry.contentType);
    ctx.body = await deps.registry.metrics();
  });
  return router;
}

async function authorize(
  header: string,
  access: { readonly metricsToken?: string; readonly tokens: ApiTokenRepository },
): Promise<void> {
  const presented = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
  if (!presented) throw new DomainError('UNAUTHENTICATED', { hint: 'send Authorization: Bearer <token>' });
  if (access.metricsToken && sameSecret(presented, access.metricsToken)) return;
  const grant = await access.tokens.findByHash(hashToken(presented));
  if (!grant) throw new DomainError('UNAUTHENTICATED', {});
  // The figures cover every org on this service: only an admin token (or the operator's METRICS_TOKEN) reads them.
  if (!grant.roles.includes('admin')) throw new DomainError('FORBIDDEN', { need: 'admin' });
}

/** Constant-time compare of digests (equal lengths, whatever was sent). */
function sameSecret(a: string, b: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(a), digest(b));
}

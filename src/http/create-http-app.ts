import type Router from '@koa/router';
import Koa from 'koa';
import type { Logger } from 'pino';
import type { ServiceMetrics } from '../metrics/service-metrics.js';
import { errorHandler } from './middleware/error-handler.js';
import { httpMetrics } from './middleware/http-metrics.js';
import { jsonBody } from './middleware/json-body.js';
import { byBearerToken, byClientAddress, rateLimit } from './middleware/rate-limit.js';
import { requestId } from './middleware/request-id.js';
import { requestLog } from './middleware/request-log.js';

export type HttpAppOptions = {
  readonly log: Logger;
  readonly bodyLimit: string;
  /** Routers mounted after the common middleware, in order. */
  readonly routers: readonly Router[];
  /** Paths whose routes read the request body themselves. */
  readonly rawBodyPaths?: readonly string[];
  /** Requests a minute per client address (on /api and /sandbox) and per API token; no limits when absent. */
  readonly rateLimits?: { readonly perAddress: number; readonly perToken: number };
  /** Behind a reverse proxy: take the client address from the hop it added to X-Forwarded-For. */
  readonly trustProxy?: boolean;
  /** Requests counted and timed by matched route (leadrelay_http_*); not counted when absent. */
  readonly metrics?: Pick<ServiceMetrics, 'httpRequests' | 'httpDuration'>;
};

/**
 * The Koa app: request id → log → errors → rate limits → body → routes. Signed-webhook routes and the import read the raw body
 * themselves (`rawBodyPaths`); every other route takes JSON only (jsonBody).
 */
export function createHttpApp(options: HttpAppOptions): Koa {
  // Without a proxy in front, X-Forwarded-For is whatever the client wrote: the socket address is the truth. Behind
  // one, the address is the last hop (the one the proxy added), so a per-address limit cannot be dodged either way.
  const app = new Koa({ proxy: options.trustProxy ?? false, maxIpsCount: 1 });
  // Koa prints errors to stderr by default; ours are logged once, by errorHandler.
  app.silent = true;
  // First, so the time and status counted are the ones the client saw (errors and 429s included).
  if (options.metrics) app.use(httpMetrics(options.metrics));
  app.use(requestId);
  app.use(requestLog(options.log));
  app.use(errorHandler(options.log));
  // Before the body is read: a client over its limit costs neither parsing nor a token lookup.
  if (options.rateLimits) {
    const { perAddress, perToken } = options.rateLimits;
    app.use(
      rateLimit({
        perMinute: perAddress,
        keyOf: byClientAddress(['/api/', '/sandbox']),
        what: 'client address',
      }),
    );
    app.use(rateLimit({ perMinute: perToken, keyOf: byBearerToken('/api/'), what: 'API token' }));
  }
  const parseBody = jsonBody(options.bodyLimit);
  // File uploads are read raw by their own route, with their own limit (a GBK CSV must not be decoded as text).
  const raw = new Set(options.rawBodyPaths ?? []);
  // A path no route serves is left to answer 404, whatever its body: the 415 is for endpoints that take JSON.
  const routed = (path: string, method: string) => options.routers.some((r) => r.match(path, method).route);
  app.use((ctx, next) =>
    raw.has(ctx.path) || !routed(ctx.path, ctx.method) ? next() : parseBody(ctx, next),
  );
  for (const router of options.routers) {
    app.use(router.routes());
    app.use(router.allowedMethods());
  }
  return app;
}

import type Router from '@koa/router';
import Koa from 'koa';
import type { Logger } from 'pino';
import { errorHandler } from './middleware/error-handler.js';
import { jsonBody } from './middleware/json-body.js';
import { requestId } from './middleware/request-id.js';
import { requestLog } from './middleware/request-log.js';

export type HttpAppOptions = {
  readonly log: Logger;
  readonly bodyLimit: string;
  /** Routers mounted after the common middleware, in order. */
  readonly routers: readonly Router[];
  /** Paths whose routes read the request body themselves. */
  readonly rawBodyPaths?: readonly string[];
};

/**
 * The Koa app: request id → log → errors → body → routes. Signed-webhook routes and the import read the raw body
 * themselves (`rawBodyPaths`); every other route takes JSON only (jsonBody).
 */
export function createHttpApp(options: HttpAppOptions): Koa {
  const app = new Koa({ proxy: true });
  // Koa prints errors to stderr by default; ours are logged once, by errorHandler.
  app.silent = true;
  app.use(requestId);
  app.use(requestLog(options.log));
  app.use(errorHandler(options.log));
  const parseBody = jsonBody(options.bodyLimit);
  // File uploads are read raw by their own route, with their own limit (a GBK CSV must not be decoded as text).
  const raw = new Set(options.rawBodyPaths ?? []);
  app.use((ctx, next) => (raw.has(ctx.path) ? next() : parseBody(ctx, next)));
  for (const router of options.routers) {
    app.use(router.routes());
    app.use(router.allowedMethods());
  }
  return app;
}

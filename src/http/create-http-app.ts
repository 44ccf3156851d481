import type Router from '@koa/router';
import Koa from 'koa';
import { koaBody } from 'koa-body';
import type { Logger } from 'pino';
import { errorHandler } from './middleware/error-handler.js';
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
 * The Koa app: request id → log → errors → body → routes. Signed-webhook routes (later) read the raw body
 * themselves, so the JSON parser keeps the raw text too.
 */
export function createHttpApp(options: HttpAppOptions): Koa {
  const app = new Koa({ proxy: true });
  // Koa prints errors to stderr by default; ours are logged once, by errorHandler.
  app.silent = true;
  app.use(requestId);
  app.use(requestLog(options.log));
  app.use(errorHandler(options.log));
  const parseBody = koaBody({
    jsonLimit: options.bodyLimit,
    formLimit: options.bodyLimit,
    textLimit: options.bodyLimit,
    includeUnparsed: true,
  });
  // File uploads are read raw by their own route, with their own limit (a GBK CSV must not be decoded as text).
  const raw = new Set(options.rawBodyPaths ?? []);
  app.use((ctx, next) => (raw.has(ctx.path) ? next() : parseBody(ctx, next)));
  for (const router of options.routers) {
    app.use(router.routes());
    app.use(router.allowedMethods());
  }
  return app;
}

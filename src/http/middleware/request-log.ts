import type { Middleware } from 'koa';
import type { Logger } from 'pino';
import type { RequestState } from './request-id.js';

/**
 * One JSON line per request. Only method, path, status and timing are logged: never headers or bodies, which
 * carry tokens, signatures and customers' phone numbers.
 */
export function requestLog(log: Logger): Middleware<RequestState> {
  return async (ctx, next) => {
    const started = process.hrtime.bigint();
    try {
      await next();
    } finally {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const level = ctx.status >= 500 ? 'error' : 'info';
      log[level](
        {
          requestId: ctx.state.requestId,
          method: ctx.method,
          path: ctx.path,
          status: ctx.status,
          ms: Math.round(ms * 10) / 10,
        },
        'request',
      );
    }
  };
}

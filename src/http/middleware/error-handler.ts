import type { Middleware } from 'koa';
import type { Logger } from 'pino';
import { textsFor } from '../../chat/texts/texts-for.js';
import { isDomainError } from '../../core/shared/errors.js';
import { HTTP_STATUS } from '../http-status.js';
import type { RequestState } from './request-id.js';

type HttpError = { status?: number; statusCode?: number; expose?: boolean; message?: string; type?: string };

/**
 * The one place errors become responses: a DomainError is a 4xx `{error:{code,message,details}}`; a body-parser
 * error keeps its 4xx; anything else is a 500 with the request id, and its stack goes to the log, not the client.
 */
export function errorHandler(log: Logger): Middleware<RequestState> {
  return async (ctx, next) => {
    try {
      await next();
      // No route matched: answer in the same envelope as every other error.
      if (ctx.status === 404 && ctx.body === undefined) {
        ctx.status = 404;
        ctx.body = {
          error: { code: 'NOT_FOUND', message: `No such endpoint: ${ctx.method} ${ctx.path}`, details: {} },
        };
      }
    } catch (error) {
      const { requestId } = ctx.state;
      if (isDomainError(error)) {
        ctx.status = HTTP_STATUS[error.code];
        ctx.body = {
          error: {
            code: error.code,
            message: textsFor('en').errors[error.code](error.details),
            details: error.details,
          },
        };
        return;
      }
      const http = error as HttpError;
      const status = http.status ?? http.statusCode;
      if (status !== undefined && status >= 400 && status < 500) {
        ctx.status = status;
        const code =
          status === 413 ? 'PAYLOAD_TOO_LARGE' : status === 401 ? 'UNAUTHENTICATED' : 'VALIDATION_FAILED';
        const message =
          status === 413
            ? textsFor('en').errors.PAYLOAD_TOO_LARGE({})
            : ((http.expose ? http.message : undefined) ?? 'Bad request');
        ctx.body = { error: { code, message, details: {} } };
        return;
      }
      log.error({ err: error, requestId, method: ctx.method, path: ctx.path }, 'unhandled error');
      ctx.status = 500;
      ctx.body = {
        error: {
          code: 'INTERNAL',
          message: `Internal error; quote request id ${requestId ?? '?'} when reporting it.`,
          details: { requestId },
        },
      };
    }
  };
}

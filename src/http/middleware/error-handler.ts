import type { Context, Middleware } from 'koa';
import type { Logger } from 'pino';
import { textsFor } from '../../chat/texts/texts-for.js';
import type { Locale } from '../../core/org/types.js';
import { isDomainError } from '../../core/shared/errors.js';
import { HTTP_STATUS } from '../http-status.js';
import type { RequestState } from './request-id.js';

/**
 * The language of an error's `message`: the caller's (`Accept-Language`), else the org's (known once the token was
 * read), else zh-CN, the product's first language. The `code` is the same in every language: clients branch on it.
 */
export function errorLocale(ctx: Pick<Context, 'get' | 'acceptsLanguages'>, state: unknown): Locale {
  if (ctx.get('accept-language')) {
    const best = ctx.acceptsLanguages('zh-CN', 'zh', 'en');
    if (best === 'en') return 'en';
    if (best) return 'zh-CN';
  }
  const org = (state as { caller?: { org?: { settings?: { locale?: Locale } } } }).caller?.org;
  return org?.settings?.locale ?? 'zh-CN';
}

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
        const texts = textsFor(errorLocale(ctx, ctx.state));
        ctx.body = {
          error: {
            code: 'NOT_FOUND',
            message: texts.errors.NOT_FOUND({}),
            details: { method: ctx.method, path: ctx.path },
          },
        };
      }
    } catch (error) {
      const { requestId } = ctx.state;
      const texts = textsFor(errorLocale(ctx, ctx.state));
      if (isDomainError(error)) {
        ctx.status = HTTP_STATUS[error.code];
        ctx.body = {
          error: {
            code: error.code,
            message: texts.errors[error.code](error.details),
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
            ? texts.errors.PAYLOAD_TOO_LARGE({})
            : status === 401
              ? texts.errors.UNAUTHENTICATED({})
              : texts.errors.VALIDATION_FAILED({
                  issues: [
                    { field: '(body)', message: (http.expose ? http.message : undefined) ?? 'Bad request' },
                  ],
                });
        ctx.body = { error: { code, message, details: {} } };
        return;
      }
      log.error({ err: error, requestId, method: ctx.method, path: ctx.path }, 'unhandled error');
      ctx.status = 500;
      ctx.body = {
        error: {
          code: 'INTERNAL',
          message: texts.somethingWentWrong(requestId ?? '?'),
          details: { requestId },
        },
      };
    }
  };
}

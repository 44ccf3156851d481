import type { Middleware } from 'koa';
import { koaBody } from 'koa-body';
import { DomainError, type FieldIssue, validationFailed } from '../../core/shared/errors.js';
import { hasLoneSurrogate } from '../../core/shared/text-field.js';

const UTF8 = new Set(['', 'utf-8', 'utf8']);

/**
 * The body parser of every JSON endpoint. A body that is not `application/json` in UTF-8 is answered 415 before it is
 * read: a form-encoded or `charset=latin1` body would otherwise be parsed as something else than the sender meant.
 * Strings that are not well-formed UTF-16 (a lone surrogate escaped as `"\ud800"`) are a 400 naming where: MongoDB
 * would store them as U+FFFD, while the answer echoed the original.
 */
export function jsonBody(limit: string): Middleware {
  const parse = koaBody({ json: true, urlencoded: false, text: false, multipart: false, jsonLimit: limit });
  return async (ctx, next) => {
    if (ctx.request.length || ctx.get('transfer-encoding')) {
      const charset = ctx.request.charset.toLowerCase();
      if (!ctx.is('application/json') || !UTF8.has(charset)) {
        // Thrown, so the error handler words it in the caller's language like every other refusal.
        throw new DomainError('UNSUPPORTED_MEDIA_TYPE', { contentType: ctx.get('content-type') });
      }
    }
    await parse(ctx, async () => {});
    const issues = malformedStrings(ctx.request.body, '');
    if (issues.length > 0) throw validationFailed(issues);
    await next();
  };
}

/** Every key and string value of a parsed JSON body that is not well-formed, by its path (`leads.0.name`). */
function malformedStrings(value: unknown, path: string): FieldIssue[] {
  const at = (key: string) => (path === '' ? key : `${path}.${key}`);
  if (typeof value === 'string') {
    return hasLoneSurrogate(value)
      ? [
          {
            field: path || '(body)',
            message: 'not valid Unicode text (a lone UTF-16 surrogate)',
            problem: { kind: 'unsafe_text' },
          },
        ]
      : [];
  }
  if (Array.isArray(value)) return value.flatMap((item, i) => malformedStrings(item, at(String(i))));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, item]) => [
    ...malformedStrings(key, at(key)),
    ...malformedStrings(item, at(key)),
  ]);
}

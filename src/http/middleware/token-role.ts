import type { Middleware } from 'koa';
import { DomainError } from '../../core/shared/errors.js';
import type { ApiState } from './api-auth.js';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * After apiAuth: a `read_only` token may read and nothing else. Decided by method, at one place, so that no write
 * endpoint (today's or a later one) can forget the check.
 */
export const tokenRole: Middleware<ApiState> = async (ctx, next) => {
  const { token } = ctx.state;
  if (token?.role === 'read_only' && !READS.has(ctx.method)) {
    throw new DomainError('FORBIDDEN', { action: `${ctx.method} ${ctx.path}`, role: 'read_only' });
  }
  await next();
};

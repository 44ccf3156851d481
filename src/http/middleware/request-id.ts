import { randomUUID } from 'node:crypto';
import type { Middleware } from 'koa';

const SAFE_ID = /^[\w.-]{1,64}$/;

/** What every later middleware reads from `ctx.state`: the request's id, set first of all. */
export type RequestState = { requestId?: string };

/** Every response carries `X-Request-Id`: the caller's, when it is a sane value, else a new one. */
export const requestId: Middleware<RequestState> = async (ctx, next) => {
  const given = ctx.get('x-request-id');
  const id = SAFE_ID.test(given) ? given : randomUUID();
  ctx.state.requestId = id;
  ctx.set('X-Request-Id', id);
  await next();
};

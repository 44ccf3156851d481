import type { Middleware } from 'koa';

// IPv4 loopback is 127.0.0.0/8; Node reports IPv4 clients of a dual-stack socket as ::ffff:a.b.c.d.
const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

const isLoopback = (address: string | undefined) => address !== undefined && LOOPBACK.test(address.trim());

/**
 * Lets only clients on this machine through (the sandbox is an unauthenticated demo tool whose clock control moves
 * deadlines). It reads the socket's address, not `ctx.ip`, because the app trusts X-Forwarded-For (proxy mode) and a
 * remote client could claim 127.0.0.1 there; and a request a local reverse proxy forwards for a remote client
 * (X-Forwarded-For naming a non-loopback address) is remote too.
 */
export function loopbackOnly(): Middleware {
  return async (ctx, next) => {
    const forwarded = (ctx.get('x-forwarded-for') || '').split(',').filter((part) => part.trim() !== '');
    if (!isLoopback(ctx.req.socket.remoteAddress) || !forwarded.every(isLoopback)) {
      ctx.status = 403;
      ctx.body = {
        error: {
          code: 'SANDBOX_LOOPBACK_ONLY',
          message:
            'The sandbox answers only clients on this machine; set SANDBOX_ALLOW_REMOTE=true to serve it to others.',
          details: {},
        },
      };
      return;
    }
    await next();
  };
}

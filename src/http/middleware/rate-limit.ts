import { createHash } from 'node:crypto';
import type { Context, Middleware } from 'koa';

export type RateLimitOptions = {
  /** Requests a minute per key; bursts of up to this many are allowed, then it refills evenly. */
  readonly perMinute: number;
  /** The key a request counts against (a client address, a token), or undefined when this limit does not apply. */
  readonly keyOf: (ctx: Context) => string | undefined;
  /** What is counted, for the answer: "client address" or "API token". */
  readonly what: string;
  /** Milliseconds of a monotonic clock; the real one by default. Never the sandbox's clock, which can be moved. */
  readonly now?: () => number;
};

type Bucket = { tokens: number; at: number };

/** Buckets kept before full ones are dropped: a full bucket is the same as none, so dropping it forgets nothing. */
const SWEEP_AT = 10_000;

/**
 * A token bucket per key, in this process's memory: limits are per process (several replicas each allow the
 * limit), and a restart forgets them, which is what a burst limit needs. Over the limit: 429 with Retry-After, in
 * the API's error envelope. Our own few lines rather than a package: koa-ratelimit 6.0.0 (koajs, with its Map driver)
 * would also fit, but it is not a dependency, and a limit a minute needs no more than this.
 */
export function rateLimit(options: RateLimitOptions): Middleware {
  const now = options.now ?? (() => performance.now());
  const perMs = options.perMinute / 60_000;
  const buckets = new Map<string, Bucket>();
  const refilled = (bucket: Bucket, t: number) =>
    Math.min(options.perMinute, bucket.tokens + (t - bucket.at) * perMs);
  return async (ctx, next) => {
    const key = options.keyOf(ctx);
    if (key === undefined) return next();
    const t = now();
    if (buckets.size >= SWEEP_AT) {
      for (const [k, b] of buckets) if (refilled(b, t) >= options.perMinute) buckets.delete(k);
    }
    const bucket = buckets.get(key) ?? { tokens: options.perMinute, at: t };
    bucket.tokens = refilled(bucket, t);
    bucket.at = t;
    buckets.set(key, bucket);
    if (bucket.tokens < 1) {
      const retryAfter = Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000));
      ctx.status = 429;
      ctx.set('Retry-After', String(retryAfter));
      ctx.body = {
        error: {
          code: 'RATE_LIMITED',
          message: `Too many requests from this ${options.what} (at most ${options.perMinute} a minute); retry in ${retryAfter} s.`,
          details: { limitPerMinute: options.perMinute, retryAfterSeconds: retryAfter },
        },
      };
      return;
    }
    bucket.tokens -= 1;
    await next();
  };
}

/** The client address, for paths under one of `prefixes`. */
export const byClientAddress =
  (prefixes: readonly string[]) =>
  (ctx: Context): string | undefined =>
    prefixes.some((prefix) => ctx.path.startsWith(prefix)) ? `ip:${ctx.ip}` : undefined;

/**
 * The presented bearer token, hashed (the secret is not kept in memory as a key), for paths under `prefix`: counted
 * before auth, so a flood costs no database lookups; an invalid token is a key of its own, bounded by the
 * per-address limit too.
 */
export const byBearerToken =
  (prefix: string) =>
  (ctx: Context): string | undefined => {
    if (!ctx.path.startsWith(prefix)) return undefined;
    const bearer = /^Bearer\s+(\S+)$/i.exec(ctx.get('authorization'))?.[1];
    return bearer ? `token:${createHash('sha256').update(bearer).digest('base64url')}` : undefined;
  };

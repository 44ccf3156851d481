import Router from '@koa/router';

export type ReadinessChecks = {
  /** Resolves when the database answers a ping. */
  readonly database: () => Promise<void>;
  /** Whether scheduled jobs are running (true when this process is not meant to run them). */
  readonly jobs: () => boolean;
  /** False once shutdown has begun, so load balancers stop sending traffic first. */
  readonly accepting: () => boolean;
  /** Seconds the most overdue outbox message has waited (cached read, metrics/backlog.ts); absent: not checked. */
  readonly outboxAgeSeconds?: () => Promise<number>;
  /** Above this the outbox is "behind" (READY_OUTBOX_MAX_AGE_MS). */
  readonly outboxMaxAgeSeconds?: number;
  /** How long the ping may take before the database counts as unreachable. */
  readonly pingTimeoutMs?: number;
};

/** Why /readyz said no, as data a probe log or a person can read. */
type Reason =
  | { readonly check: 'database'; readonly reason: 'unreachable'; readonly error: string }
  | {
      readonly check: 'outbox';
      readonly reason: 'behind';
      readonly oldestPendingAgeSeconds: number;
      readonly maxAgeSeconds: number;
    }
  | { readonly check: 'outbox'; readonly reason: 'unknown'; readonly error: string }
  | { readonly check: 'jobs'; readonly reason: 'stopped' }
  | { readonly check: 'accepting'; readonly reason: 'shutting down' };

/** Less than a probe's usual timeout (1 s on Kubernetes by default is tight; most set 2–5 s). */
const DEFAULT_PING_TIMEOUT_MS = 1_500;

export function healthRoutes(checks: ReadinessChecks): Router {
  const router = new Router();
  router.get('/healthz', (ctx) => {
    ctx.body = { status: 'ok' };
  });
  router.get('/readyz', async (ctx) => {
    const reasons: Reason[] = [];
    const [database, outbox] = await Promise.all([
      databaseCheck(checks, reasons),
      outboxCheck(checks, reasons),
    ]);
    const jobs = checks.jobs() ? 'ok' : 'stopped';
    if (jobs !== 'ok') reasons.push({ check: 'jobs', reason: 'stopped' });
    const accepting = checks.accepting() ? 'ok' : 'shutting down';
    if (accepting !== 'ok') reasons.push({ check: 'accepting', reason: 'shutting down' });
    const ready = reasons.length === 0;
    ctx.status = ready ? 200 : 503;
    ctx.body = {
      status: ready ? 'ready' : 'not ready',
      checks: { database, ...(outbox ? { outbox } : {}), jobs, accepting },
      ...(ready ? {} : { reasons }),
    };
  });
  return router;
}

/**
 * A ping bounded by a short timeout: with the database gone the driver would wait for server selection (10 s),
 * longer than any probe, and the probe would time out instead of reading our answer.
 */
async function databaseCheck(checks: ReadinessChecks, reasons: Reason[]): Promise<string> {
  try {
    await withTimeout(checks.database(), checks.pingTimeoutMs ?? DEFAULT_PING_TIMEOUT_MS);
    return 'ok';
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    reasons.push({ check: 'database', reason: 'unreachable', error: message });
    return `down: ${message}`;
  }
}

/** The outbox is behind when its most overdue message has waited longer than the threshold. */
async function outboxCheck(checks: ReadinessChecks, reasons: Reason[]): Promise<string | undefined> {
  if (!checks.outboxAgeSeconds || checks.outboxMaxAgeSeconds === undefined) return undefined;
  try {
    const age = await withTimeout(checks.outboxAgeSeconds(), checks.pingTimeoutMs ?? DEFAULT_PING_TIMEOUT_MS);
    if (age <= checks.outboxMaxAgeSeconds) return 'ok';
    reasons.push({
      check: 'outbox',
      reason: 'behind',
      oldestPendingAgeSeconds: Math.round(age),
      maxAgeSeconds: checks.outboxMaxAgeSeconds,
    });
    return 'behind';
  } catch (error) {
    // Unreadable means the database is down: that reason is given by the database check already.
    reasons.push({
      check: 'outbox',
      reason: 'unknown',
      error: error instanceof Error ? error.message : String(error),
    });
    return 'unknown';
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

import Router from '@koa/router';

export type ReadinessChecks = {
  /** Resolves when the database answers a ping. */
  readonly database: () => Promise<void>;
  /** Whether scheduled jobs are running (true when this process is not meant to run them). */
  readonly jobs: () => boolean;
  /** False once shutdown has begun, so load balancers stop sending traffic first. */
  readonly accepting: () => boolean;
};

export function healthRoutes(checks: ReadinessChecks): Router {
  const router = new Router();
  router.get('/healthz', (ctx) => {
    ctx.body = { status: 'ok' };
  });
  router.get('/readyz', async (ctx) => {
    const database = await checks
      .database()
      .then(() => 'ok')
      .catch((error: unknown) => `down: ${error instanceof Error ? error.message : String(error)}`);
    const result = {
      database,
      jobs: checks.jobs() ? 'ok' : 'stopped',
      accepting: checks.accepting() ? 'ok' : 'shutting down',
    };
    const ready = Object.values(result).every((value) => value === 'ok');
    ctx.status = ready ? 200 : 503;
    ctx.body = { status: ready ? 'ready' : 'not ready', checks: result };
  });
  return router;
}

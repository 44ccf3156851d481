import type { Server } from 'node:http';
import Koa from 'koa';
import type { Registry } from 'prom-client';
import { metricsRoutes } from '../http/routes/metrics-routes.js';

/**
 * `/metrics` alone on METRICS_PORT, without a token: the port is meant for the monitoring network only (a
 * Kubernetes pod port Prometheus scrapes, never published through the ingress), where the simplest Prometheus config
 * has no secret to manage. The service port then serves no `/metrics` at all, so the open figures cannot leak there.
 */
export async function serveMetrics(
  registry: Registry,
  options: { port: number; host: string },
): Promise<Server> {
  const app = new Koa();
  app.silent = true;
  const router = metricsRoutes({ registry, access: { open: true } });
  app.use(router.routes()).use(router.allowedMethods());
  const server = app.listen(options.port, options.host);
  await new Promise<void>((resolve, reject) => server.once('listening', resolve).once('error', reject));
  return server;
}

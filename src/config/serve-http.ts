import type { Server } from 'node:http';
import type Koa from 'koa';
import type { Config } from './load-config.js';

export type ServeOptions = Pick<
  Config,
  'PORT' | 'HOST' | 'HTTP_REQUEST_TIMEOUT_MS' | 'HTTP_HEADERS_TIMEOUT_MS' | 'HTTP_KEEP_ALIVE_TIMEOUT_MS'
>;

/**
 * Listens with bounded timeouts, so a slow or stalled client cannot hold a connection for ever: the whole request,
 * its headers, and an idle keep-alive connection each have a limit (config table). Resolves once listening.
 */
export async function serveHttp(http: Koa, options: ServeOptions): Promise<Server> {
  const server = http.listen(options.PORT, options.HOST);
  server.requestTimeout = options.HTTP_REQUEST_TIMEOUT_MS;
  server.headersTimeout = options.HTTP_HEADERS_TIMEOUT_MS;
  server.keepAliveTimeout = options.HTTP_KEEP_ALIVE_TIMEOUT_MS;
  await new Promise<void>((resolve, reject) => server.once('listening', resolve).once('error', reject));
  return server;
}

/**
 * Stops listening and resolves once every connection has ended. In-flight requests finish; a keep-alive connection
 * is closed as soon as it is idle — including one whose request ends after the close began, which Node would
 * otherwise keep open for the whole keep-alive timeout.
 */
export function closeServer(server: Server): Promise<void> {
  return new Promise<void>((resolve) => {
    const sweep = setInterval(() => server.closeIdleConnections(), 50);
    server.close(() => {
      clearInterval(sweep);
      resolve();
    });
    server.closeIdleConnections();
  });
}

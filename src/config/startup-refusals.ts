import type { Config } from './load-config.js';

type Checked = Pick<
  Config,
  | 'NODE_ENV'
  | 'MONGODB_URI'
  | 'DEMO_ORG'
  | 'SANDBOX_ENABLED'
  | 'PLATFORMS'
  | 'HTTP_REQUEST_TIMEOUT_MS'
  | 'HTTP_HEADERS_TIMEOUT_MS'
  | 'PORT'
  | 'METRICS_PORT'
>;

/**
 * Combinations of valid settings the service refuses to start with, one line each naming what to set. They are
 * checked before anything starts (no database is launched, no demo org created).
 */
export function startupRefusals(config: Checked): string[] {
  const refusals: string[] = [];
  const production = config.NODE_ENV === 'production';
  if (production && !config.MONGODB_URI) {
    refusals.push(
      'NODE_ENV=production needs a real MongoDB: set MONGODB_URI (the embedded database is for trying Leadrelay only).',
    );
  }
  if (production && config.DEMO_ORG) {
    refusals.push('DEMO_ORG is refused in production (fake members and a printed admin token): unset it.');
  }
  const real = config.PLATFORMS.filter((platform) => platform !== 'sandbox');
  // The sandbox's clock control moves the app's one clock: real deadlines and jobs would move with it.
  if (config.SANDBOX_ENABLED && real.length > 0) {
    refusals.push(
      `The sandbox cannot run beside real platforms (${real.join(', ')}): its clock would move their deadlines; ` +
        'remove sandbox from PLATFORMS or set SANDBOX_ENABLED=false.',
    );
  }
  if (config.HTTP_HEADERS_TIMEOUT_MS > config.HTTP_REQUEST_TIMEOUT_MS) {
    refusals.push(
      'HTTP_HEADERS_TIMEOUT_MS must not exceed HTTP_REQUEST_TIMEOUT_MS: lower one or raise the other.',
    );
  }
  // METRICS_PORT serves /metrics without a token: on the service's own port that would be the public port, unguarded.
  if (config.METRICS_PORT === config.PORT) {
    refusals.push(
      `METRICS_PORT must differ from PORT (both ${config.PORT}): pick another port for /metrics, or unset METRICS_PORT to serve it on PORT behind METRICS_TOKEN.`,
    );
  }
  return refusals;
}

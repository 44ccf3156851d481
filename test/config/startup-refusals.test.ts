import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { Agent, get } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Koa from 'koa';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_TOKEN_FILE, demoToken } from '../../src/config/demo-token.js';
import { loadConfig } from '../../src/config/load-config.js';
import { closeServer, serveHttp } from '../../src/config/serve-http.js';
import { startupRefusals } from '../../src/config/startup-refusals.js';

const dir = mkdtempSync(path.join(tmpdir(), 'leadrelay-refusals-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('startup refusals', () => {
  it('refuses production without MONGODB_URI, and a demo org in production', () => {
    expect(startupRefusals(loadConfig({ NODE_ENV: 'production' }))).toEqual([
      expect.stringMatching(/^NODE_ENV=production needs a real MongoDB: set MONGODB_URI/),
    ]);
    const uri = { NODE_ENV: 'production', MONGODB_URI: 'mongodb://db.internal/leadrelay' };
    expect(startupRefusals(loadConfig(uri))).toEqual([]);
    expect(startupRefusals(loadConfig({ ...uri, DEMO_ORG: 'true' }))).toEqual([
      expect.stringContaining('DEMO_ORG'),
    ]);
  });

  it('refuses the sandbox beside a real platform, naming PLATFORMS and SANDBOX_ENABLED', () => {
    const both = startupRefusals(loadConfig({ PLATFORMS: 'sandbox,slack' }));
    expect(both).toHaveLength(1);
    expect(both[0]).toMatch(/slack.*PLATFORMS.*SANDBOX_ENABLED=false/);
    expect(startupRefusals(loadConfig({ PLATFORMS: 'slack', SANDBOX_ENABLED: 'true' }))).toHaveLength(1);
    expect(startupRefusals(loadConfig({ PLATFORMS: 'slack' }))).toEqual([]);
    expect(startupRefusals(loadConfig({}))).toEqual([]);
  });

  it('refuses a headers timeout longer than the request timeout', () => {
    const env = { HTTP_REQUEST_TIMEOUT_MS: '5000', HTTP_HEADERS_TIMEOUT_MS: '6000' };
    expect(startupRefusals(loadConfig(env))).toEqual([expect.stringContaining('HTTP_HEADERS_TIMEOUT_MS')]);
  });

  it('refuses METRICS_PORT on the service port, where /metrics would be open without a token', () => {
    expect(startupRefusals(loadConfig({ PORT: '3000', METRICS_PORT: '3000' }))).toEqual([
      expect.stringMatching(/^METRICS_PORT must differ from PORT \(both 3000\)/),
    ]);
    expect(startupRefusals(loadConfig({ PORT: '3000', METRICS_PORT: '9464' }))).toEqual([]);
  });

  it('stops `main` in production without MONGODB_URI with one line, before any database or demo org', async () => {
    const dataDir = path.join(dir, 'production');
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/config/main.ts'], {
      env: { ...process.env, NODE_ENV: 'production', MONGODB_URI: '', DATA_DIR: dataDir, PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout?.on('data', (d) => (out += d));
    child.stderr?.on('data', (d) => (err += d));
    expect(await new Promise((resolve) => child.once('exit', resolve))).toBe(1);
    expect(err.trim().split('\n')).toEqual([expect.stringContaining('set MONGODB_URI')]);
    expect(out).toBe('');
    expect(existsSync(dataDir)).toBe(false);
  }, 30_000);
});

describe('the demo token', () => {
  it('is the same across restarts of one DATA_DIR, kept readable by this user only', async () => {
    const first = await demoToken(dir);
    expect(await demoToken(dir)).toBe(first);
    expect(statSync(path.join(dir, DEMO_TOKEN_FILE)).mode & 0o777).toBe(0o600);
    expect(await demoToken(dir, 'fixed-token-0123456789')).toBe('fixed-token-0123456789');
    const other = path.join(mkdtempSync(path.join(tmpdir(), 'leadrelay-token-')), 'not-yet-made');
    expect(await demoToken(other)).not.toBe(first);
    expect(await demoToken(other)).toBe(await demoToken(other));
    rmSync(path.dirname(other), { recursive: true, force: true });
  });
});

describe('the HTTP server', () => {
  it('closes at once after a keep-alive request that was in flight when the close began', async () => {
    const app = new Koa();
    app.use(async (ctx) => {
      await new Promise((resolve) => setTimeout(resolve, 200));
      ctx.body = 'ok';
    });
    const server = await serveHttp(app, loadConfig({ PORT: '0', HOST: '127.0.0.1' }));
    const { port } = server.address() as { port: number };
    const agent = new Agent({ keepAlive: true });
    const answered = new Promise<number | undefined>((resolve) =>
      get({ port, host: '127.0.0.1', agent }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode));
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = Date.now();
    await closeServer(server);
    expect(await answered).toBe(200);
    // The keep-alive timeout is 65 s by default: the close must not wait for it.
    expect(Date.now() - started).toBeLessThan(5_000);
    agent.destroy();
  });

  it('listens with the configured request, header and keep-alive timeouts', async () => {
    const config = loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      HTTP_REQUEST_TIMEOUT_MS: '30000',
      HTTP_HEADERS_TIMEOUT_MS: '7000',
      HTTP_KEEP_ALIVE_TIMEOUT_MS: '9000',
    });
    const server = await serveHttp(new Koa(), config);
    try {
      expect([server.requestTimeout, server.headersTimeout, server.keepAliveTimeout]).toEqual([
        30_000, 7_000, 9_000,
      ]);
      const defaults = loadConfig({});
      expect(defaults.HTTP_HEADERS_TIMEOUT_MS).toBeLessThanOrEqual(defaults.HTTP_REQUEST_TIMEOUT_MS);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { intakeLeadsBatch } from '../../src/core/leads/intake-leads-batch.js';
import { memberCaller } from '../../src/core/org/caller.js';
import { issueDashboardLink } from '../../src/core/org/issue-dashboard-link.js';
import { openBenchEnvironment } from './bench-environment.js';
import { countCommands, totalOf } from './command-counter.js';
import { fakeLeads } from './fake-leads.js';

/** What the first load should stay under: a lean page, one JSON request for every section. */
export const DASHBOARD_TARGETS = { requests: 7, jsonRequests: 1, wireKiB: 500 } as const;

type Fetched = { path: string; status: number; wireBytes: number; bytes: number; type: string };

/** One request as a browser sends it (gzip accepted), counting the bytes that crossed the wire. */
function fetchRaw(
  base: URL,
  path: string,
  init: { method?: string; cookie?: string; body?: string } = {},
): Promise<Fetched & { setCookie?: string; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      new URL(path, base),
      {
        method: init.method ?? 'GET',
        headers: {
          'accept-encoding': 'gzip',
          ...(init.cookie ? { cookie: init.cookie } : {}),
          ...(init.body ? { 'content-type': 'application/json' } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const raw = Buffer.concat(chunks);
          const gz = res.headers['content-encoding'] === 'gzip';
          const body = gz ? gunzipSync(raw) : raw;
          const setCookie = res.headers['set-cookie']?.[0];
          resolve({
            ...{ path, status: res.statusCode ?? 0, wireBytes: raw.length, bytes: body.length },
            type: String(res.headers['content-type'] ?? ''),
            ...(setCookie ? { setCookie } : {}),
            text: body.toString('utf8'),
          });
        });
      },
    );
    req.on('error', reject);
    req.end(init.body);
  });
}

/**
 * `--dashboard` (issue #14): the first load of the dashboard page as a browser does it from a `/看板` link, on the
 * demo org with `leads` leads of this week: the page, its three files, the link's exchange, the page again (its
 * files now cached: immutable), the figures' one JSON. Bytes per kind (on the wire, gzip, and decoded), requests,
 * and the database commands of the JSON request.
 */
export async function runDashboard(leads: number, progress: (line: string) => void) {
  const env = await openBenchEnvironment(progress);
  const server = env.app.http.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  try {
    for (let at = 0; at < leads; at += 1000)
      await intakeLeadsBatch(env.deps, env.actor, { leads: fakeLeads(at, Math.min(1000, leads - at)) });
    const director = (await env.app.repos.members.list(env.org.id)).find((m) => m.roles.includes('director'));
    if (!director) throw new Error('the demo org has no director');
    const { token } = await issueDashboardLink(
      { access: env.app.repos.dashboardAccess, clock: env.app.clock },
      memberCaller(env.org, director, 'zh-CN'),
    );
    const base = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    const fetched: Fetched[] = [];
    const take = async (path: string, init: Parameters<typeof fetchRaw>[2] = {}) => {
      const r = await fetchRaw(base, path, init);
      if (r.status >= 400) throw new Error(`${path}: ${r.status}`);
      fetched.push({ path: r.path, status: r.status, wireBytes: r.wireBytes, bytes: r.bytes, type: r.type });
      return r;
    };
    const assetsOf = (html: string) =>
      [...html.matchAll(/(?:src|href)="(\/dashboard\/assets\/[^"]+)"/g)].map((m) => m[1] ?? '');
    const first = await take(`/dashboard?t=${token}`);
    for (const path of assetsOf(first.text)) await take(path);
    const opened = await take('/dashboard/session', { method: 'POST', body: JSON.stringify({ t: token }) });
    const cookie = opened.setCookie?.split(';')[0] ?? '';
    await take('/dashboard', { cookie });
    const counter = countCommands(env.connection);
    const mark = counter.mark();
    const cpu = process.cpuUsage();
    await take('/api/v1/reports/dashboard?period=this-week', { cookie });
    const jsonCpu = process.cpuUsage(cpu);
    const jsonCommands = totalOf(counter.since(mark));
    counter.stop();
    const sum = (f: (x: Fetched) => boolean) => {
      const picked = fetched.filter(f);
      return {
        wireBytes: picked.reduce((a, x) => a + x.wireBytes, 0),
        bytes: picked.reduce((a, x) => a + x.bytes, 0),
      };
    };
    const kinds = {
      html: sum((x) => x.type.startsWith('text/html')),
      css: sum((x) => x.type.startsWith('text/css')),
      ownJs: sum((x) => x.path.includes('/dashboard.') && x.path.endsWith('.js')),
      echarts: sum((x) => x.path.includes('/echarts-')),
      json: sum((x) => x.path.startsWith('/api/')),
      session: sum((x) => x.path === '/dashboard/session'),
    };
    const total = sum(() => true);
    const jsonRequests = fetched.filter((x) => x.path.startsWith('/api/')).length;
    return {
      leads,
      requests: fetched.length,
      jsonRequests,
      total,
      kinds,
      jsonDbCommands: jsonCommands,
      jsonCpuMs: Math.round((jsonCpu.user + jsonCpu.system) / 100) / 10,
      sequence: fetched.map((x) => `${x.status} ${x.path.replace(/t=[^&]+/, 't=…')} ${x.wireBytes}`),
      meetsTargets:
        fetched.length <= DASHBOARD_TARGETS.requests &&
        jsonRequests <= DASHBOARD_TARGETS.jsonRequests &&
        total.wireBytes <= DASHBOARD_TARGETS.wireKiB * 1024,
    };
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await env.close();
  }
}

/** The scenario alone, printed as JSON; exit 1 on a missed target only with --strict. */
export async function dashboardOnly(
  leads: number,
  strict: boolean,
  progress: (line: string) => void,
): Promise<number> {
  const dashboard = await runDashboard(leads, progress);
  process.stdout.write(
    `${JSON.stringify({ node: process.version, dashboard, targets: DASHBOARD_TARGETS }, null, 2)}\n`,
  );
  return strict && !dashboard.meetsTargets ? 1 : 0;
}

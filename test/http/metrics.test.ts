import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../../src/core/org/api-tokens.js';
import { orgId } from '../../src/core/shared/ids.js';
import { METRIC_NAMES } from '../../src/metrics/service-metrics.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { pendingOutboxEntry } from './outbox-fixtures.js';

const METRICS_TOKEN = 'metrics-token-for-the-test-0123';
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ config: { METRICS_TOKEN }, monitorCommands: true });
});
afterAll(() => t.close());

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const scrape = async (token = METRICS_TOKEN) => {
  const response = await t.request('GET', '/metrics', undefined, bearer(token));
  expect(response.status).toBe(200);
  return response.body as string;
};
/** The value of one series, e.g. `leadrelay_leads{status="claimed"}`; undefined when absent. */
const value = (text: string, series: string): number | undefined => {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
};

describe('GET /metrics', () => {
  it('answers 401 without a token, 401 to a wrong one and 403 to a token without the admin role', async () => {
    expect((await t.request('GET', '/metrics')).status).toBe(401);
    expect((await t.request('GET', '/metrics', undefined, bearer('lr_wrong'))).status).toBe(401);
    const secret = 'lr_sales-only-token-for-metrics';
    await t.app.repos.tokens.save(
      { orgId: orgId(t.orgId), name: 'sales', roles: ['rep'] },
      hashToken(secret),
      'lr_sal',
      new Date(),
    );
    const refused = await t.request('GET', '/metrics', undefined, bearer(secret));
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('FORBIDDEN');
  });

  it('serves the Prometheus text with METRICS_TOKEN or an admin API token, every documented name in it', async () => {
    const byMetricsToken = await scrape();
    const byAdminToken = await scrape(t.token);
    for (const name of METRIC_NAMES) expect(byAdminToken).toContain(`# TYPE ${name} `);
    expect(byMetricsToken).toContain('# TYPE leadrelay_process_cpu_seconds_total counter');
    expect(byMetricsToken).toContain('# TYPE leadrelay_nodejs_eventloop_lag_seconds gauge');
  });

  it('counts requests by the matched route, not the raw URL', async () => {
    const lead = await t.request(
      'POST',
      '/api/v1/leads',
      { name: '客户甲', phone: '13500000001', region: '江苏', source: 'api' },
      bearer(t.token),
    );
    expect(lead.status).toBe(201);
    const id = lead.body.lead.id as string;
    await t.request('GET', `/api/v1/leads/${id}`, undefined, bearer(t.token));
    await t.request('GET', '/api/v1/leads/000000000000000000000000', undefined, bearer(t.token));
    await t.request('GET', '/no/such/path');
    const text = await scrape();
    expect(
      value(text, 'leadrelay_http_requests_total{route="/api/v1/leads/:id",method="GET",status="200"}'),
    ).toBe(1);
    expect(
      value(text, 'leadrelay_http_requests_total{route="/api/v1/leads/:id",method="GET",status="404"}'),
    ).toBe(1);
    expect(value(text, 'leadrelay_http_requests_total{route="unmatched",method="GET",status="404"}')).toBe(1);
    expect(text).not.toContain(id);
    expect(
      value(text, 'leadrelay_http_request_duration_seconds_count{route="/api/v1/leads/:id",method="GET"}'),
    ).toBe(2);
  });

  it('counts inbound events by outcome, deliveries by platform, job runs, database commands and leads by status', async () => {
    const admin = (await t.app.repos.members.list(orgId(t.orgId))).find((m) => m.name === '周建国')!;
    const first = await t.request('POST', '/sandbox/api/commands', { member: admin.id, text: '/帮助' });
    expect(first.status).toBe(200);
    await t.app.runJobs();
    const text = await scrape();
    expect(
      value(text, 'leadrelay_inbound_events_total{platform="sandbox",outcome="handled"}'),
    ).toBeGreaterThanOrEqual(1);
    // The demo's welcome cards and the new lead's cards went out through the sandbox.
    expect(
      value(text, 'leadrelay_outbox_deliveries_total{platform="sandbox",outcome="sent"}'),
    ).toBeGreaterThan(0);
    expect(value(text, 'leadrelay_job_runs_total{job="outbox.deliver",outcome="ok"}')).toBe(1);
    expect(value(text, 'leadrelay_job_duration_seconds_count{job="leads.deadlines"}')).toBe(1);
    expect(value(text, 'leadrelay_db_commands_total{command="find"}')).toBeGreaterThan(0);
  });
});

describe('the gauges read from the database', () => {
  it('count the outbox and the leads by status on scrape, and reuse that read for a while so a scrape storm costs one query set', async () => {
    const fresh = await startTestApp({ config: { METRICS_TOKEN } });
    try {
      const intake = (n: number) =>
        fresh.request(
          'POST',
          '/api/v1/leads',
          { name: `客户${n}`, phone: `1350000100${n}`, region: '江苏', source: 'api' },
          bearer(fresh.token),
        );
      await intake(1);
      await intake(2);
      const read = async () =>
        (await fresh.request('GET', '/metrics', undefined, bearer(METRICS_TOKEN))).body as string;
      const assigned = await fresh.app.models.Lead.countDocuments({ status: 'assigned' });
      const pooled = await fresh.app.models.Lead.countDocuments({ status: 'pooled' });
      expect(assigned + pooled).toBe(2);
      // The intakes' cards go out at once (the notifier triggers the pump): let them, so the count below is not
      // raced by a delivery, then leave one message waiting (due in an hour) for the gauge to count.
      await fresh.app.outboxPump.runNow();
      const now = fresh.app.clock.now().getTime();
      await pendingOutboxEntry(
        fresh.app.models,
        'metrics-waiting-1',
        new Date(now + 3_600_000),
        new Date(now),
      );
      const waiting = await fresh.app.models.OutboxEntry.countDocuments({
        status: { $in: ['pending', 'sending'] },
      });
      expect(waiting).toBeGreaterThan(0);
      const first = await read();
      expect(value(first, 'leadrelay_outbox_depth')).toBe(waiting);
      expect(value(first, 'leadrelay_leads{status="assigned"}')).toBe(assigned);
      expect(value(first, 'leadrelay_leads{status="pooled"}')).toBe(pooled);
      expect(value(first, 'leadrelay_leads{status="claimed"}')).toBe(0);
      await intake(3);
      const again = await read();
      // Within the cache period: the same figures, no new count sent to the database.
      expect(value(again, 'leadrelay_leads{status="assigned"}')).toBe(assigned);
      expect(value(again, 'leadrelay_leads{status="pooled"}')).toBe(pooled);
    } finally {
      await fresh.close();
    }
  });
});

describe('GET /metrics with METRICS_PORT set', () => {
  it('is not served on the service port', async () => {
    const other = await startTestApp({ demo: false, config: { METRICS_TOKEN, METRICS_PORT: 9464 } });
    try {
      expect((await other.request('GET', '/metrics', undefined, bearer(METRICS_TOKEN))).status).toBe(404);
    } finally {
      await other.close();
    }
  });
});

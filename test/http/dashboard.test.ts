import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DASHBOARD_SESSION_MS } from '../../src/core/org/dashboard-link.js';
import { runLeadDeadlines } from '../../src/core/pools/run-lead-deadlines.js';
import { DASHBOARD_CSP } from '../../src/http/dashboard/dashboard-routes.js';
import { sessionCookie } from '../../src/http/dashboard/session-caller.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { dashboardLinkFor, memberIdOf, openLink, signIn } from './dashboard-support.js';

// The dashboard's sign-in and its API through the real stack on the demo org: a `/看板` link opens once and for ten
// minutes, the session reads the reports as its member (scope included) and nothing else, and the page and its files
// carry their security and cache headers.

let t: TestApp;
const MIN = 60_000;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const get = (path: string, headers: Record<string, string> = {}) =>
  t.request('GET', path, undefined, headers);

describe('the sign-in link', () => {
  it('is sent privately in Chinese, opens once into an 8-hour HttpOnly session, and says so when used again', async () => {
    const { token, text } = await dashboardLinkFor(t, '王海峰');
    expect(text).toContain('10 分钟内有效');
    const stored = await t.app.models.DashboardAccess.findOne({}).sort({ _id: -1 }).lean();
    expect(stored?.linkHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(token);

    const first = await openLink(t, token);
    expect(first.status).toBe(204);
    expect(first.setCookie).toMatch(
      /^leadrelay_dashboard=[\w-]+; Path=\/; Max-Age=28800; HttpOnly; SameSite=Lax$/,
    );
    const second = await openLink(t, token);
    expect(second.status).toBe(410);
    expect(second.body.error).toMatchObject({ code: 'DASHBOARD_LINK_INVALID', details: { reason: 'used' } });
    expect(second.body.error.message).toContain('/看板');
  });

  it('gives the session to one of two racing exchanges only', async () => {
    const { token } = await dashboardLinkFor(t, '李娜');
    const both = await Promise.all([openLink(t, token), openLink(t, token)]);
    expect(both.map((r) => r.status).sort()).toEqual([204, 410]);
  });

  it('expires after 10 minutes (the clock), and an unknown one is refused too', async () => {
    const { token } = await dashboardLinkFor(t, '李娜');
    t.app.clock.advance(10 * MIN + 1000);
    const late = await openLink(t, token);
    expect(late.status).toBe(410);
    expect(late.body.error.details).toEqual({ reason: 'expired' });
    expect((await openLink(t, 'x'.repeat(43))).body.error.details).toEqual({ reason: 'unknown' });
  });

  it('ends the session after 8 hours', async () => {
    const cookie = await signIn(t, '李娜');
    expect((await get('/api/v1/reports/summary', { cookie })).status).toBe(200);
    t.app.clock.advance(8 * 60 * MIN + 1000);
    expect((await get('/api/v1/reports/summary', { cookie })).status).toBe(401);
  });

  it('is not sent to a member whose role sees no figure', async () => {
    const member = await memberIdOf(t, '许亮');
    const res = await t.request('POST', '/sandbox/api/commands', { member, text: '/看板' });
    expect(res.body.ok).toBe(false);
    expect(JSON.stringify(res.body.replies)).not.toContain('/dashboard?t=');
  });
});

describe('the session on the API', () => {
  it('reads the reports and the items as its member, never another API or a write', async () => {
    const cookie = await signIn(t, '王海峰');
    const page = await get('/api/v1/reports/dashboard', { cookie });
    expect(page.status).toBe(200);
    expect(page.body.report.teams.map((x: { name: string }) => x.name)).toEqual(['华东销售组']);
    expect(page.body.report).toHaveProperty('funnel');
    expect(page.body.report).not.toHaveProperty('afterSales');
    expect((await get('/api/v1/leads', { cookie })).status).toBe(401);
    expect((await t.request('PUT', '/api/v1/campaigns/x', { cost: 1 }, { cookie })).status).toBe(401);
    expect((await get('/api/v1/reports/summary')).status).toBe(401);
  });

  it('keeps a rep to their own team and a manager to theirs', async () => {
    const teams = (await get('/api/v1/teams', { authorization: `Bearer ${t.token}` })).body;
    const list = (teams.teams ?? teams) as { id: string; name: string }[];
    const bd = list.find((x) => x.name === 'BD组');
    const east = list.find((x) => x.name === '华东销售组');
    const rep = await signIn(t, '李娜');
    expect((await get(`/api/v1/reports/dashboard?team=${bd?.id}`, { cookie: rep })).status).toBe(403);
    expect((await get(`/api/v1/reports/dashboard?team=${east?.id}`, { cookie: rep })).status).toBe(200);
    const colleague = await memberIdOf(t, '张伟');
    const own = await memberIdOf(t, '李娜');
    expect(
      (await get(`/api/v1/reports/items?figure=response&member=${colleague}`, { cookie: rep })).status,
    ).toBe(403);
    expect((await get(`/api/v1/reports/items?figure=response&member=${own}`, { cookie: rep })).status).toBe(
      200,
    );
    const manager = await signIn(t, '赵敏');
    expect((await get(`/api/v1/reports/dashboard?team=${bd?.id}`, { cookie: manager })).status).toBe(200);
    expect((await get(`/api/v1/reports/dashboard?team=${east?.id}`, { cookie: manager })).status).toBe(403);
    expect(
      (await get(`/api/v1/reports/items?figure=unfollowed&member=${colleague}`, { cookie: manager })).status,
    ).toBe(403);
  });
});

describe('GET /api/v1/reports/items', () => {
  const auth = () => ({ authorization: `Bearer ${t.token}` });

  it('names every bad field: an unknown figure or field, a missing member, an unknown stage', async () => {
    const bad = await get('/api/v1/reports/items?figure=nope&colour=red', auth());
    expect(bad.status).toBe(400);
    const fields = bad.body.error.details.issues.map((i: { field: string }) => i.field).sort();
    expect(fields).toEqual(['colour', 'figure']);
    const noMember = await get('/api/v1/reports/items?figure=unfollowed', auth());
    expect(noMember.body.error.details.issues[0]).toMatchObject({ field: 'member' });
    const stage = await get('/api/v1/reports/items?figure=stage&stage=nope', auth());
    expect(stage.body.error.details.issues[0]).toMatchObject({ field: 'stage' });
    const channel = await get('/api/v1/reports/items?figure=channel&channel=api', auth());
    expect(channel.body.error.details.issues[0]).toMatchObject({ field: 'kind' });
    const ghost = await get('/api/v1/reports/items?figure=response&member=0123456789abcdef01234567', auth());
    expect(ghost.status).toBe(404);
    const page = await get('/api/v1/reports/items?figure=stage&stage=lead&pageSize=1000', auth());
    expect(page.status).toBe(400);
  });

  it('lists overdue tasks for those who see the after-sales figures only', async () => {
    const tasks = await get('/api/v1/reports/items?figure=overdue', auth());
    expect(tasks.status).toBe(200);
    expect(tasks.body).toMatchObject({ kind: 'tasks', page: 1, pageSize: 50 });
    const manager = await signIn(t, '王海峰');
    expect((await get('/api/v1/reports/items?figure=overdue', { cookie: manager })).status).toBe(403);
    const afterSales = await signIn(t, '高峰');
    expect((await get('/api/v1/reports/items?figure=overdue', { cookie: afterSales })).status).toBe(200);
    expect((await get('/api/v1/reports/items?figure=stage&stage=lead', { cookie: afterSales })).status).toBe(
      403,
    );
  });

  it('lists the cohort leads behind a stage and a rep, with masked phones and API links', async () => {
    const lead = (
      await t.request(
        'POST',
        '/api/v1/leads',
        { phone: '13912345678', region: '上海', source: 'api' },
        auth(),
      )
    ).body.lead;
    const stage = await get('/api/v1/reports/items?figure=stage&stage=lead', auth());
    expect(stage.status).toBe(200);
    const found = stage.body.items.find((i: { code: string }) => i.code === lead.code);
    expect(found).toMatchObject({
      phone: '139****5678',
      href: `/api/v1/leads/${lead.code}`,
      stageKey: 'lead',
    });
    const mine = await get(`/api/v1/reports/items?figure=response&member=${lead.ownerId}`, auth());
    expect(mine.body.items.map((i: { code: string }) => i.code)).toContain(lead.code);
    expect(mine.body.total).toBe(mine.body.items.length);
    const channel = await get('/api/v1/reports/items?figure=channel&channel=api&kind=source', auth());
    expect(channel.body.items.map((i: { code: string }) => i.code)).toContain(lead.code);
    const paged = await get(
      '/api/v1/reports/items?figure=channel&channel=api&kind=source&pageSize=1',
      auth(),
    );
    expect(paged.body.items).toHaveLength(1);
  });
});

describe('the page and its files', () => {
  it('sends a member without a session to chat, and serves the page with a CSP to a signed-in one', async () => {
    const none = await get('/dashboard');
    expect(none.status).toBe(401);
    expect(none.body).toContain('/看板');
    const cookie = await signIn(t, '陈思远');
    const page = await fetch(`${t.baseUrl}/dashboard`, { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(DASHBOARD_CSP);
    expect(DASHBOARD_CSP).toContain("default-src 'self'");
    expect(page.headers.get('cache-control')).toBe('no-store');
    const html = await page.text();
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('数据看板');
    // No inline script: every executable script has a src (the config block is JSON data, never run).
    const scripts = [...html.matchAll(/<script([^>]*)>/g)].map((m) => m[1] ?? '');
    expect(scripts.filter((s) => !/src="/.test(s) && !/type="application\/json"/.test(s))).toEqual([]);
    const echarts = /src="(\/dashboard\/assets\/echarts-6\.1\.0\.[0-9a-f]{12}\.js)"/.exec(html)?.[1];
    expect(echarts).toBeDefined();
    const file = await fetch(`${t.baseUrl}${echarts}`, { headers: { 'accept-encoding': 'gzip' } });
    expect(file.status).toBe(200);
    expect(file.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(file.headers.get('content-encoding')).toBe('gzip');
    expect((await file.text()).length).toBeGreaterThan(500_000);
    expect((await fetch(`${t.baseUrl}/dashboard/assets/echarts-0.0.0.abc.js`)).status).toBe(404);
  });

  it('speaks English to an en member: the link, the page and its words', async () => {
    const id = await memberIdOf(t, '孙磊');
    await t.app.models.Member.updateOne({ _id: id }, { $set: { locale: 'en' } });
    try {
      const { text, token } = await dashboardLinkFor(t, '孙磊');
      expect(text).toContain('works once, for 10 minutes');
      const { cookie } = await openLink(t, token);
      const html = await (await fetch(`${t.baseUrl}/dashboard`, { headers: { cookie } })).text();
      expect(html).toContain('<html lang="en">');
      expect(html).toContain('Unfollowed rate per rep');
      expect(html).not.toMatch(/[\u4e00-\u9fff]/);
    } finally {
      await t.app.models.Member.updateOne({ _id: id }, { $unset: { locale: 1 } });
    }
  });

  it('marks the session cookie Secure when PUBLIC_URL is https', () => {
    expect(sessionCookie('s', DASHBOARD_SESSION_MS, true)).toMatch(/; HttpOnly; SameSite=Lax; Secure$/);
    expect(sessionCookie('s', DASHBOARD_SESSION_MS, false)).not.toContain('Secure');
  });
});

// Last: it moves the clock two days on.
describe('the unfollowed list', () => {
  it('holds exactly what the rep’s unfollowed figure counts, the ladder’s reclaims from them included', async () => {
    const auth = { authorization: `Bearer ${t.token}` };
    const lead = (
      await t.request('POST', '/api/v1/leads', { phone: '13912340001', region: '上海', source: 'api' }, auth)
    ).body.lead;
    const since = new Date(t.app.clock.now().getTime() - 60 * MIN).toISOString();
    const deps = { ...t.app.intakeDeps, orgs: t.app.repos.orgs, teams: t.app.repos.teams };
    for (const hours of [24, 12, 12]) {
      t.app.clock.advance(hours * 60 * MIN + 1);
      await runLeadDeadlines(deps);
    }
    const stored = await t.app.models.Lead.findById(lead.id).lean();
    expect(stored?.lastReclaim?.fromOwnerId.toHexString()).toBe(lead.ownerId);
    const until = new Date(t.app.clock.now().getTime() + 60 * MIN).toISOString();
    const period = `from=${since}&to=${until}`;
    const reps = (await get(`/api/v1/reports/reps?${period}`, auth)).body.report.reps;
    const figure = reps.find((r: { memberId: string }) => r.memberId === lead.ownerId);
    const list = (await get(`/api/v1/reports/items?figure=unfollowed&member=${lead.ownerId}&${period}`, auth))
      .body;
    expect(list.items.map((i: { code: string }) => i.code)).toContain(lead.code);
    expect(list.total).toBe(figure.unfollowed);
  });
});

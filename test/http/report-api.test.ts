import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLeadDeadlines } from '../../src/core/pools/run-lead-deadlines.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// The reports API on the demo org through the real stack: leads taken in and followed up by the API change the
// figures (the follow-up's write stores the response time), the exports are files a spreadsheet opens, and bad
// query fields are named.

let t: TestApp;
let phone = 13900004000;
const H = 3_600_000;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const auth = (token = t.token) => ({ authorization: `Bearer ${token}` });
const intake = async (extra: Record<string, unknown> = {}) =>
  (
    await t.request(
      'POST',
      '/api/v1/leads',
      { phone: String(++phone), region: '上海', source: 'api', ...extra },
      auth(),
    )
  ).body.lead;
const get = (path: string, token = t.token) => t.request('GET', path, undefined, auth(token));
const tokenWith = async (role: string) =>
  (await t.request('POST', '/api/v1/tokens', { name: `as ${role}`, role }, auth())).body.secret as string;

describe('GET /api/v1/reports/*', () => {
  it('counts leads assigned this week and the owner’s first follow-up as their response time', async () => {
    const before = (await get('/api/v1/reports/summary')).body.report;
    const lead = await intake({ campaign: '双十一' });
    await intake({ campaign: '双十一' });
    t.app.clock.advance(2 * H);
    const followed = await t.request(
      'POST',
      `/api/v1/leads/${lead.code}/follow-ups`,
      {
        channel: 'phone',
        content: '聊过',
        nextContactAt: new Date(t.app.clock.now().getTime() + 24 * H).toISOString(),
      },
      auth(),
    );
    expect(followed.status).toBe(201);
    const stored = await t.app.models.Lead.findById(lead.id).lean();
    expect(stored?.respondedAt?.getTime()).toBe(new Date(followed.body.followUp.at).getTime());

    const res = await get('/api/v1/reports/summary');
    expect(res.status).toBe(200);
    const after = res.body.report;
    expect(new Date(after.period.to).getTime() - new Date(after.period.from).getTime()).toBe(7 * 24 * H);
    expect(after.timeZone).toBe('Asia/Shanghai');
    expect(after.total.assigned - (before.total?.assigned ?? 0)).toBe(2);
    expect(after.total.responded - (before.total?.responded ?? 0)).toBe(1);

    const reps = (await get('/api/v1/reports/reps')).body.report.reps;
    const owner = reps.find((r: { memberId: string }) => r.memberId === lead.ownerId);
    expect(owner.responseMedianMs).toBeGreaterThanOrEqual(2 * H);
  });

  it('spreads a campaign’s cost over its leads, set by PUT /campaigns/:name (admins and directors only)', async () => {
    const name = encodeURIComponent('双十一');
    const put = await t.request('PUT', `/api/v1/campaigns/${name}`, { cost: 1000 }, auth());
    expect(put.status).toBe(200);
    expect(put.body.campaign).toMatchObject({ name: '双十一', cost: 1000, currency: 'CNY' });
    const again = await t.request('PUT', `/api/v1/campaigns/${name}`, { cost: 1000 }, auth());
    expect(again.body.campaign).toMatchObject({ cost: 1000 });
    const channels = (await get('/api/v1/reports/channels')).body.report.channels;
    expect(
      channels.find((c: { kind: string; name: string }) => c.kind === 'campaign' && c.name === '双十一'),
    ).toMatchObject({
      leads: 2,
      cost: 1000,
      costPerLead: 500,
    });
    const bad = await t.request('PUT', `/api/v1/campaigns/${name}`, { cost: -1, colour: 'red' }, auth());
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('cost');
    expect(JSON.stringify(bad.body)).toContain('colour');
    const readOnly = await tokenWith('read_only');
    expect((await t.request('PUT', `/api/v1/campaigns/${name}`, { cost: 1 }, auth(readOnly))).status).toBe(
      403,
    );
  });

  it('exports CSV with a byte-order mark and Chinese headers, and XLSX a spreadsheet opens', async () => {
    const csv = await fetch(`${t.baseUrl}/api/v1/reports/reps?format=csv`, { headers: auth() });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.headers.get('content-disposition')).toMatch(
      /attachment; filename="report-\d{4}-\d\d-\d\d-reps\.csv"/,
    );
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8').slice(1).split('\r\n')[0]).toMatch(
      /^销售,分配线索,未按时跟进,未跟进率\(%\)/,
    );

    const xlsx = await fetch(`${t.baseUrl}/api/v1/reports/funnel?format=xlsx`, { headers: auth() });
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    const { default: Excel } = await import('exceljs');
    const book = new Excel.Workbook();
    await book.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as never);
    const sheet = book.worksheets[0]!;
    expect(sheet.name).toBe('漏斗');
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      '阶段',
      '线索数',
      '到达',
      '进入下一阶段(%)',
      '停留天数中位数',
    ]);
    expect(sheet.getRow(2).getCell(1).value).toBe('线索');
  });

  it('answers every section, a named period, and the heat map as a 7 × 24 grid', async () => {
    for (const section of ['summary', 'reps', 'funnel', 'channels', 'heatmap', 'after-sales'])
      expect((await get(`/api/v1/reports/${section}`)).status).toBe(200);
    const heat = (await get(`/api/v1/reports/heatmap?period=${encodeURIComponent('本月')}`)).body.report
      .heatmap;
    expect(heat.cells).toHaveLength(7);
    expect(heat.cells.every((row: number[]) => row.length === 24)).toBe(true);
    expect(heat.cells.flat().reduce((a: number, b: number) => a + b, 0)).toBeGreaterThanOrEqual(1);
  });

  it('names the bad query fields', async () => {
    const unknown = await get('/api/v1/reports/summary?colour=red');
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.body)).toContain('colour');
    const badDate = await get('/api/v1/reports/summary?from=yesterday');
    expect(badDate.status).toBe(400);
    expect(JSON.stringify(badDate.body)).toContain('from');
    const badPeriod = await get('/api/v1/reports/summary?period=soon');
    expect(JSON.stringify(badPeriod.body)).toContain('period');
    const reversed = await get('/api/v1/reports/summary?from=2026-11-09T00:00:00Z&to=2026-11-02T00:00:00Z');
    expect(reversed.status).toBe(400);
    const format = await get('/api/v1/reports/summary?format=pdf');
    expect(format.status).toBe(400);
    expect(JSON.stringify(format.body)).toContain('format');
    const noTeam = await get('/api/v1/reports/summary?team=000000000000000000000000');
    expect(noTeam.status).toBe(400);
    expect(JSON.stringify(noTeam.body)).toContain('team');
  });

  // Last: it moves the clock two days on.
  it('counts a reclaim by the ladder against the rep it was taken from, stored in the reclaim’s own write', async () => {
    const lead = await intake();
    const since = new Date(t.app.clock.now().getTime() - H).toISOString();
    const deps = { ...t.app.intakeDeps, orgs: t.app.repos.orgs, teams: t.app.repos.teams };
    for (const hours of [24, 12, 12]) {
      t.app.clock.advance(hours * H + 1);
      await runLeadDeadlines(deps);
    }
    const stored = await t.app.models.Lead.findById(lead.id).lean();
    expect(stored?.lastReclaim).toMatchObject({ stale: false });
    expect(stored?.lastReclaim?.fromOwnerId.toHexString()).toBe(lead.ownerId);
    const until = new Date(t.app.clock.now().getTime() + H).toISOString();
    const reps = (await get(`/api/v1/reports/reps?from=${since}&to=${until}`)).body.report.reps;
    const owner = reps.find((r: { memberId: string }) => r.memberId === lead.ownerId);
    expect(owner).toMatchObject({ reclaims: 1 });
    expect(owner.unfollowed).toBeGreaterThanOrEqual(1);
  });
});

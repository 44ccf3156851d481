import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { planLead } from '../../src/core/follow-ups/plan-lead.js';
import { leadId, orgId } from '../../src/core/shared/ids.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// GET /api/v1/leads?due=…: the morning agenda's lists over the API, for the caller's scope.
let t: TestApp;
let phone = 13500000000;
const H = 3_600_000;
beforeAll(async () => {
  t = await startTestApp();
  // 09:01 in Shanghai (01:01 UTC): "today" is the whole working day ahead.
  const now = t.app.clock.now().getTime();
  let next = Math.floor(now / (24 * H)) * 24 * H + H + 60_000;
  if (next <= now) next += 24 * H;
  t.app.clock.advance(next - now);
});
afterAll(() => t.close());
beforeEach(async () => {
  await t.app.models.Lead.deleteMany({});
});
const auth = () => ({ authorization: `Bearer ${t.token}` });

async function planned(inHours: number) {
  const org = (await t.app.repos.orgs.get(orgId(t.orgId)))!;
  const res = await t.request(
    'POST',
    '/api/v1/leads',
    { phone: String(++phone), region: '上海', source: 'api' },
    auth(),
  );
  const lead = (await t.app.repos.leads.get(org.id, leadId(res.body.lead.id)))!;
  const now = t.app.clock.now();
  const plan = planLead(org, lead, now, { nextContactAt: new Date(now.getTime() + inHours * H) });
  await t.app.repos.leads.updateIf(
    org.id,
    lead.id,
    { version: lead.version },
    {
      set: { status: 'claimed', followUpStatus: 'following', plan },
      unset: ['dueStep', 'dueAt'],
      event: { type: 'followed_up', at: now, ownerId: lead.ownerId! },
    },
  );
  return lead;
}

describe('GET /api/v1/leads?due=', () => {
  it('lists today’s and overdue contacts, each list with its count, as lead JSON', async () => {
    const today = await planned(1);
    const later = await planned(3);
    const overdue = await planned(-30);
    await planned(48);
    const res = await t.request('GET', '/api/v1/leads?due=today', undefined, auth());
    expect(res.status).toBe(200);
    expect(res.body.due).toBe('today');
    expect(res.body.count).toBe(2);
    expect(res.body.leads.map((l: { id: string }) => l.id).sort()).toEqual([today.id, later.id].sort());
    const late = await t.request('GET', '/api/v1/leads?due=overdue', undefined, auth());
    expect(late.body).toMatchObject({ due: 'overdue', count: 1, leads: [{ id: overdue.id }] });
    const stalled = await t.request('GET', '/api/v1/leads?due=stalled', undefined, auth());
    expect(stalled.body).toMatchObject({ count: 0, leads: [] });
  });

  it('takes the plan settings under `plan`, stored whole, and refuses a bad one naming the field', async () => {
    const res = await t.request(
      'PATCH',
      '/api/v1/org/settings',
      { plan: { staleAfterDays: 5, snooze: ['2h', 'tomorrow'] } },
      auth(),
    );
    expect(res.status).toBe(200);
    const org = await t.app.repos.orgs.get(orgId(t.orgId));
    expect(org?.settings.plan).toEqual({ staleAfterDays: 5, snooze: ['2h', 'tomorrow'] });
    const bad = await t.request('PATCH', '/api/v1/org/settings', { plan: { agendaAt: '9am' } }, auth());
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.error.details)).toContain('agendaAt');
    await t.request('PATCH', '/api/v1/org/settings', { plan: {} }, auth());
  });

  it('pages with limit and refuses an unknown list', async () => {
    await planned(1);
    await planned(2);
    const one = await t.request('GET', '/api/v1/leads?due=today&limit=1', undefined, auth());
    expect(one.body.count).toBe(2);
    expect(one.body.leads).toHaveLength(1);
    const bad = await t.request('GET', '/api/v1/leads?due=tomorrow', undefined, auth());
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
  });
});

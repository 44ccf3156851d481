import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HISTORY_LIMIT } from '../../src/core/leads/lead-types.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const api = (method: string, path: string, body?: unknown) =>
  t.request(method, path, body, { authorization: `Bearer ${t.token}` });
const command = (member: string, text: string) =>
  t.request('POST', '/sandbox/api/commands', { member, text });
const intake = async (n: number) =>
  (
    await api('POST', '/api/v1/leads', {
      name: `客户 ${n}`,
      phone: `1350000${n}`,
      region: '江苏',
      source: 'api',
    })
  ).body.lead;

describe('bounded growth of a lead', () => {
  it('keeps the newest events, says how many were dropped in the API and on the /线索 ID card', async () => {
    const lead = await intake(1001);
    const writes = HISTORY_LIMIT + 5;
    for (let i = 0; i < writes; i++) {
      const res = await api('PATCH', `/api/v1/leads/${lead.id}`, { reclaimAfterHours: 24 + (i % 10) });
      expect(res.status).toBe(200);
    }
    const { body } = await api('GET', `/api/v1/leads/${lead.id}`);
    expect(body.lead.history).toHaveLength(HISTORY_LIMIT);
    // The intake's event and the writes: 1 + 55 = 56 events, 6 dropped.
    expect(body.lead.historyDropped).toBe(6);
    expect(body.lead.history.at(-1).type).toBe('deadline_changed');
    const stored = await t.app.models.Lead.findById(lead.id).lean();
    expect(stored?.history).toHaveLength(HISTORY_LIMIT);
    const card = await command(lead.ownerId, `/线索 ${lead.id}`);
    expect(card.body.replies[0].card.markdown).toContain('（更早的 6 条记录已省略）');
  });

  it('lists a summary without history unless asked with ?include=history; one lead keeps it', async () => {
    await intake(1002);
    const summary = await api('GET', '/api/v1/leads?limit=5');
    expect(summary.status).toBe(200);
    expect(summary.body.leads.length).toBeGreaterThan(0);
    for (const l of summary.body.leads) {
      expect(l).not.toHaveProperty('history');
      expect(l).toHaveProperty('status');
    }
    const full = await api('GET', '/api/v1/leads?limit=5&include=history');
    for (const l of full.body.leads) {
      expect(Array.isArray(l.history)).toBe(true);
      expect(typeof l.historyDropped).toBe('number');
    }
    const one = await api('GET', `/api/v1/leads/${full.body.leads[0].id}`);
    expect(one.body.lead.history.length).toBeGreaterThan(0);
    const bad = await api('GET', '/api/v1/leads?include=everything');
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.issues.map((i: { field: string }) => i.field)).toEqual(['include']);
  });

  it('removes expired cooldowns in the write that adds one (a release from chat)', async () => {
    const lead = await intake(1003);
    const now = t.app.clock.now().getTime();
    const stale = { memberId: '00000000000000000000dead', until: new Date(now - 3_600_000) };
    const live = { memberId: '00000000000000000000beef', until: new Date(now + 3_600_000) };
    // Setup: the lead as an older version would have left it, with a cooldown long over.
    await t.app.models.Lead.updateOne({ _id: lead.id }, { $set: { cooldowns: [stale, live] } });
    const released = await command(lead.ownerId, `/lead release ${lead.id} 客户不需要了`);
    expect(released.body.ok).toBe(true);
    const after = await t.app.models.Lead.findById(lead.id).lean();
    expect(after?.status).toBe('pooled');
    expect(after?.cooldowns?.map((c) => c.memberId)).toEqual([live.memberId, lead.ownerId]);
  });
});

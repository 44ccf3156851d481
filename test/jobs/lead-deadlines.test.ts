import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { LeadRepository } from '../../src/core/leads/ports.js';
import { type DeadlineDeps, runLeadDeadlines } from '../../src/core/pools/run-lead-deadlines.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// The deadline job against the real database: crashes midway and concurrent runners must not lose or double a step.
let t: TestApp;
let phone = 13200000000;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());
beforeEach(async () => {
  await t.app.models.Lead.deleteMany({});
  await t.app.models.Member.updateMany({}, { $unset: { routing: 1 } });
});

const deps = (leads?: LeadRepository): DeadlineDeps => ({
  ...t.app.intakeDeps,
  ...(leads ? { leads } : {}),
  orgs: t.app.repos.orgs,
  teams: t.app.repos.teams,
});

async function assignLeads(n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const res = await t.request(
      'POST',
      '/api/v1/leads',
      { phone: String(++phone), region: '上海', source: 'api' },
      { authorization: `Bearer ${t.token}` },
    );
    ids.push(res.body.lead.id);
  }
  return ids;
}

async function historyOf(ids: string[]) {
  const docs = await t.app.models.Lead.find({ _id: { $in: ids } }).lean();
  return docs.map((d) => (d.history as { type: string }[]).map((h) => h.type));
}

const LADDER = ['assigned', 'nudged', 'escalated', 'reclaimed'];

describe('runLeadDeadlines', () => {
  it('handles only what is due', async () => {
    const ids = await assignLeads(3);
    expect(await runLeadDeadlines(deps())).toBe(0);
    t.app.clock.advance(24 * 3_600_000 + 1);
    expect(await runLeadDeadlines(deps())).toBe(3);
    expect(await runLeadDeadlines(deps())).toBe(0);
    for (const h of await historyOf(ids)) expect(h).toEqual(['assigned', 'nudged']);
  });

  it('finishes a run that crashed midway, with every step taken exactly once', async () => {
    const ids = await assignLeads(6);
    t.app.clock.advance(49 * 3_600_000);
    let writes = 0;
    const crashing: LeadRepository = {
      ...t.app.repos.leads,
      async updateIf(...args) {
        if (++writes > 7) throw new Error('process killed');
        return t.app.repos.leads.updateIf(...args);
      },
    };
    await expect(runLeadDeadlines(deps(crashing))).rejects.toThrow('process killed');
    const midway = await historyOf(ids);
    expect(midway.some((h) => h.length < LADDER.length)).toBe(true);
    await runLeadDeadlines(deps());
    for (const h of await historyOf(ids)) expect(h).toEqual(LADDER);
    expect(await t.app.models.Lead.countDocuments({ _id: { $in: ids }, status: 'pooled' })).toBe(6);
    // Each reclaim posted one pool card: none lost to the crash, none doubled by the re-run.
    const posts = await t.app.models.OutboxEntry.countDocuments({
      kind: 'lead.card',
      mode: 'post',
      'to.kind': 'team',
    });
    expect(posts).toBe(6);
  });

  it('lets two runners at once take each step once', async () => {
    const ids = await assignLeads(6);
    t.app.clock.advance(49 * 3_600_000);
    const [a, b] = await Promise.all([runLeadDeadlines(deps()), runLeadDeadlines(deps())]);
    expect(a + b).toBe(6 * 3);
    for (const h of await historyOf(ids)) expect(h).toEqual(LADDER);
    const freed = await t.app.models.Member.find({ 'routing.open': { $gt: 0 } }).lean();
    expect(freed).toEqual([]);
  });
});

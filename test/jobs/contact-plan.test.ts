import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { planLead } from '../../src/core/follow-ups/plan-lead.js';
import { type ContactPlanDeps, runContactPlan } from '../../src/core/follow-ups/run-contact-plan.js';
import type { LeadRepository } from '../../src/core/leads/ports.js';
import { followUpId, leadId, orgId } from '../../src/core/shared/ids.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// The contact plan's job against the real database: what is due only, each step once across a crash and two runners.
let t: TestApp;
let phone = 13300000000;
const H = 3_600_000;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());
beforeEach(async () => {
  await t.app.models.Lead.deleteMany({});
  await t.app.models.OutboxEntry.deleteMany({});
  await t.app.models.Member.updateMany({}, { $unset: { routing: 1 } });
});

const deps = (leads?: LeadRepository): ContactPlanDeps => ({
  ...t.app.intakeDeps,
  ...(leads ? { leads } : {}),
  orgs: t.app.repos.orgs,
  teams: t.app.repos.teams,
});

/** Leads assigned by routing, then followed up with a next contact `inHours` from now (as a follow-up writes it). */
async function followedLeads(n: number, inHours: number | undefined, grade?: 'important'): Promise<string[]> {
  const org = (await t.app.repos.orgs.get(orgId(t.orgId)))!;
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const res = await t.request(
      'POST',
      '/api/v1/leads',
      { phone: String(++phone), region: '上海', source: 'api', name: `客户${i}` },
      { authorization: `Bearer ${t.token}` },
    );
    const lead = (await t.app.repos.leads.get(org.id, leadId(res.body.lead.id)))!;
    const now = t.app.clock.now();
    const lastFollowUp = {
      id: followUpId(`f${i}`),
      at: now,
      channel: 'phone' as const,
      outcome: 'trial-booked',
      count: 1,
    };
    const nextContactAt = inHours === undefined ? null : new Date(now.getTime() + inHours * H);
    const updated = await t.app.repos.leads.updateIf(
      org.id,
      lead.id,
      { version: lead.version },
      {
        set: {
          status: 'claimed',
          followUpStatus: 'following',
          lastFollowUp,
          ...(grade ? { grade } : {}),
          plan: planLead(org, { ...lead, lastFollowUp }, now, { nextContactAt }),
        },
        unset: ['dueStep', 'dueAt'],
        event: { type: 'followed_up', at: now, ownerId: lead.ownerId! },
      },
    );
    ids.push(updated!.id);
  }
  return ids;
}

async function historyOf(ids: string[]) {
  const docs = await t.app.models.Lead.find({ _id: { $in: ids } }).lean();
  return docs.map((d) => (d.history as { type: string }[]).map((h) => h.type).slice(2));
}
const entries = (kind: string) => t.app.models.OutboxEntry.find({ kind, mode: 'post' }).lean();

/** Delivers until the outbox is empty: a paced conversation waits its turn (the clock moves it on). */
async function deliverAll() {
  for (let round = 0; round < 20; round++) {
    await t.app.outboxPump.runNow();
    await t.app.outboxPump.idle();
    if ((await t.app.models.OutboxEntry.countDocuments({ status: { $in: ['pending', 'sending'] } })) === 0)
      return;
    t.app.clock.advance(5_000);
  }
}

describe('runContactPlan', () => {
  it('reminds the owner at the next contact time, once, and only what is due', async () => {
    const soon = await followedLeads(2, 2);
    await followedLeads(2, 30);
    expect(await runContactPlan(deps())).toBe(0);
    t.app.clock.advance(2 * H);
    expect(await runContactPlan(deps())).toBe(2);
    expect(await runContactPlan(deps())).toBe(0);
    for (const h of await historyOf(soon)) expect(h).toEqual(['contact_reminded']);
    const dms = await entries('plan.reminder');
    expect(dms).toHaveLength(2);
    expect(dms[0]).toMatchObject({
      to: { kind: 'member' },
      data: { lastOutcome: 'trial-booked', done: false },
    });
    expect(dms[0]?.data.snooze).toEqual(['1h', 'tomorrow']);
  });

  it('escalates a contact missed by a day to the manager, all of a team in one burst', async () => {
    const ids = await followedLeads(3, 1);
    t.app.clock.advance(26 * H);
    expect(await runContactPlan(deps())).toBe(6);
    for (const h of await historyOf(ids)) expect(h).toEqual(['contact_reminded', 'contact_escalated']);
    const missed = await entries('plan.missed');
    expect(missed).toHaveLength(3);
    const managers = new Set(missed.map((e) => (e.to as { memberId: string }).memberId));
    expect(managers.size).toBe(1);
    expect(new Set(missed.map((e) => e.group))).toEqual(new Set([`missed:${[...managers][0]}`]));
  });

  it('delivers the reminders as DMs and the escalations as one card in the manager’s DM (the sandbox)', async () => {
    // The earlier tests' cards are delivered first (a paced one could otherwise land after the wipe and be counted).
    await deliverAll();
    await t.app.models.SandboxMessage.deleteMany({});
    const ids = await followedLeads(3, 1);
    t.app.clock.advance(26 * H);
    await runContactPlan(deps());
    await deliverAll();
    const manager = (await entries('plan.missed'))[0]!.to as { memberId: string };
    const toManager = await t.app.models.SandboxMessage.find({
      conversation: `dm:${manager.memberId}`,
    }).lean();
    const missed = toManager.filter((m) => JSON.stringify(m.card).includes('联系已逾期'));
    // One card for the three (two deliverers racing for one burst may split it, as the outbox says: never a lead lost
    // or told twice).
    const told = missed.map((m) => Number(/(\d+) 个联系已逾期/.exec(JSON.stringify(m.card))?.[1] ?? 1));
    expect(told.reduce((a, b) => a + b, 0)).toBe(3);
    expect(missed.length).toBeLessThanOrEqual(2);
    const reminders = await t.app.models.SandboxMessage.find({ 'card.title': /^联系提醒/ }).lean();
    expect(reminders).toHaveLength(ids.length);
  });

  it('reclaims a following lead with no follow-up for 7 days; an important one goes to the director', async () => {
    const normal = await followedLeads(2, undefined);
    const important = await followedLeads(1, undefined, 'important');
    t.app.clock.advance(6 * 24 * H);
    expect(await runContactPlan(deps())).toBe(0);
    t.app.clock.advance(24 * H + 1);
    expect(await runContactPlan(deps())).toBe(3);
    const docs = await t.app.models.Lead.find({ _id: { $in: [...normal, ...important] } }).lean();
    const byId = new Map(docs.map((d) => [String(d._id), d]));
    for (const id of normal) {
      expect(byId.get(id)).toMatchObject({ status: 'pooled' });
      expect(byId.get(id)?.plan).toBeUndefined();
      expect(byId.get(id)?.history.at(-1)).toMatchObject({
        type: 'reclaimed',
        reason: { kind: 'stale', days: 7 },
      });
    }
    expect(byId.get(important[0]!)?.pendingRelease).toMatchObject({ approval: 'pending' });
    expect(await runContactPlan(deps())).toBe(0);
  });

  it('finishes a run that crashed midway, with every step taken exactly once', async () => {
    const ids = await followedLeads(6, 1);
    t.app.clock.advance(26 * H);
    let writes = 0;
    const crashing: LeadRepository = {
      ...t.app.repos.leads,
      async updateIf(...args) {
        if (++writes > 7) throw new Error('process killed');
        return t.app.repos.leads.updateIf(...args);
      },
    };
    await expect(runContactPlan(deps(crashing))).rejects.toThrow('process killed');
    expect((await historyOf(ids)).some((h) => h.length < 2)).toBe(true);
    await runContactPlan(deps());
    for (const h of await historyOf(ids)) expect(h).toEqual(['contact_reminded', 'contact_escalated']);
    // Published by the re-run or, for the step whose publish the crash lost, by the notice sweep: never twice.
    await t.app.runJobs();
    t.app.clock.advance(60_000);
    await t.app.runJobs();
    expect(await entries('plan.reminder')).toHaveLength(6);
    expect(await entries('plan.missed')).toHaveLength(6);
  });

  it('lets two runners at once take each step once', async () => {
    const ids = await followedLeads(6, 1);
    t.app.clock.advance(26 * H);
    const [a, b] = await Promise.all([runContactPlan(deps()), runContactPlan(deps())]);
    expect(a + b).toBe(12);
    for (const h of await historyOf(ids)) expect(h).toEqual(['contact_reminded', 'contact_escalated']);
    expect(await entries('plan.reminder')).toHaveLength(6);
  });

  it('costs what is due, not what is open: the same commands for N due among 10·N open as among N', async () => {
    const count = async (open: number, due: number) => {
      await t.app.models.Lead.deleteMany({});
      await followedLeads(due, 1);
      await followedLeads(open - due, 48);
      t.app.clock.advance(H);
      const spy = countingLeads();
      await runContactPlan(deps(spy.leads));
      return spy.calls;
    };
    const few = await count(3, 3);
    const many = await count(30, 3);
    expect(many).toEqual(few);
    expect(few.updateIf).toBe(3);
  });
});

/** Counts the lead repository's calls of a run: each is one database command. */
function countingLeads() {
  const calls: Record<string, number> = {};
  const base = t.app.repos.leads as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>;
  const leads = Object.fromEntries(
    Object.entries(base).map(([k, f]) => [
      k,
      typeof f === 'function'
        ? (...a: unknown[]) => {
            calls[k] = (calls[k] ?? 0) + 1;
            return f(...a);
          }
        : f,
    ]),
  ) as unknown as LeadRepository;
  return { leads, calls };
}

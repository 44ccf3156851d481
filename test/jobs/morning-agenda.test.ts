import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { planLead } from '../../src/core/follow-ups/plan-lead.js';
import {
  type AgendaDeps,
  type AgendaRuns,
  sendMorningAgenda,
} from '../../src/core/follow-ups/send-morning-agenda.js';
import { leadId, orgId } from '../../src/core/shared/ids.js';
import { mongoAgendaRuns } from '../../src/storage/repositories/agenda-runs.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// The morning agenda against the real database: once per member and local day, whatever the instances and reruns.
let t: TestApp;
let phone = 13400000000;
const H = 3_600_000;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());
beforeEach(async () => {
  await t.app.models.Lead.deleteMany({});
  await t.app.models.OutboxEntry.deleteMany({});
  await t.app.models.Counter.deleteMany({ name: /^agenda:/ });
});

const deps = (runs?: AgendaRuns): AgendaDeps => ({
  orgs: t.app.repos.orgs,
  members: t.app.repos.members,
  teams: t.app.repos.teams,
  leads: t.app.repos.leads,
  runs: runs ?? mongoAgendaRuns(t.app.models),
  notifier: t.app.intakeDeps.notifier,
  clock: t.app.clock,
});

/** Moves the clock to the next 09:00 in Shanghai plus a minute (the demo org's time zone and default agenda time). */
function toNextAgenda() {
  const now = t.app.clock.now().getTime();
  const day = 24 * H;
  // 09:00 in Shanghai is 01:00 UTC.
  let next = Math.floor(now / day) * day + H + 60_000;
  if (next <= now) next += day;
  t.app.clock.advance(next - now);
}

/** A lead routed to a rep, followed up, next contact `inHours` from now. */
async function plannedLead(inHours: number) {
  const org = (await t.app.repos.orgs.get(orgId(t.orgId)))!;
  const res = await t.request(
    'POST',
    '/api/v1/leads',
    { phone: String(++phone), region: '上海', source: 'api', name: `客户${phone % 1000}` },
    { authorization: `Bearer ${t.token}` },
  );
  const lead = (await t.app.repos.leads.get(org.id, leadId(res.body.lead.id)))!;
  const now = t.app.clock.now();
  const plan = planLead(org, lead, now, { nextContactAt: new Date(now.getTime() + inHours * H) });
  return (await t.app.repos.leads.updateIf(
    org.id,
    lead.id,
    { version: lead.version },
    {
      set: { status: 'claimed', followUpStatus: 'following', plan },
      unset: ['dueStep', 'dueAt'],
      event: { type: 'followed_up', at: now, ownerId: lead.ownerId! },
    },
  ))!;
}

const cards = () => t.app.models.OutboxEntry.find({ kind: 'plan.agenda' }).lean();
const receivers = async () =>
  (await t.app.repos.members.list(orgId(t.orgId), { activeOnly: true })).filter(
    (m) => m.roles.includes('rep') || m.roles.includes('manager'),
  );

describe('sendMorningAgenda', () => {
  it('sends one card per rep and manager at the agenda time, and no second one on any rerun or instance', async () => {
    toNextAgenda();
    t.app.clock.advance(23 * H);
    // 08:01 the next day: not yet.
    expect(await sendMorningAgenda(deps())).toBe(0);
    const lead = await plannedLead(2);
    t.app.clock.advance(H);
    const expected = (await receivers()).length;
    expect(await sendMorningAgenda(deps())).toBe(expected);
    expect(await sendMorningAgenda(deps())).toBe(0);
    // Another instance whose marker read says "not done" (it crashed between the publish and the mark): no card twice.
    const forgetful: AgendaRuns = { isDone: async () => false, markDone: async () => undefined };
    await sendMorningAgenda(deps(forgetful));
    const sent = await cards();
    expect(sent).toHaveLength(expected);
    const mine = sent.find((c) => (c.to as { memberId: string }).memberId === lead.ownerId);
    expect(mine?.data).toMatchObject({ mine: { today: { count: 1, leads: [{ code: lead.code }] } } });
    // A manager also gets their team's lists.
    expect(sent.some((c) => (c.data.teams as unknown[]).length > 0)).toBe(true);
  });

  it('runs once per local day: the next morning brings the next card', async () => {
    toNextAgenda();
    await sendMorningAgenda(deps());
    const first = (await cards()).length;
    t.app.clock.advance(12 * H);
    expect(await sendMorningAgenda(deps())).toBe(0);
    t.app.clock.advance(12 * H);
    expect(await sendMorningAgenda(deps())).toBe(first);
  });

  it('costs a few reads per org, not per rep or lead: one aggregation for every list', async () => {
    for (let i = 0; i < 6; i++) await plannedLead(i);
    toNextAgenda();
    const calls: Record<string, number> = {};
    const count = <T extends object>(name: string, o: T): T =>
      new Proxy(o, {
        get: (target, key) => {
          const f = (target as Record<string | symbol, unknown>)[key];
          if (typeof f !== 'function') return f;
          return (...a: unknown[]) => {
            calls[`${name}.${String(key)}`] = (calls[`${name}.${String(key)}`] ?? 0) + 1;
            return f.apply(target, a);
          };
        },
      });
    const d = deps();
    await sendMorningAgenda({
      ...d,
      leads: count('leads', d.leads),
      members: count('members', d.members),
      teams: count('teams', d.teams),
    });
    expect(calls).toEqual({ 'leads.findDueLists': 1, 'members.list': 1, 'teams.list': 1 });
  });
});

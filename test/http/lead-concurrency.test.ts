import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';

// Races through the real service and database: many requests in flight at once, then the stored truth is checked.
let t: TestApp;
let phone = 13600000000;
const nextPhone = () => String(++phone);

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const auth = { authorization: 'Bearer ' };
const post = (body: unknown) =>
  t.request('POST', '/api/v1/leads', body, { authorization: `Bearer ${t.token}` });

type M = { id: string; name: string; team: string | null; roles: string[] };
const team = async (name: string) =>
  ((await t.request('GET', '/sandbox/api/members')).body as M[]).filter((m) => m.team === name);

async function resetRouting() {
  await t.app.models.Member.updateMany({}, { $unset: { routing: 1, dailyCap: 1 } });
  // The pool's daily claim limit (3) would refuse a member's 4th simultaneous click before the race is decided.
  await t.app.models.Org.updateMany(
    {},
    { $set: { 'settings.poolClaimsPerDay': { junior: 100, senior: 100 } } },
  );
  await t.app.models.Lead.deleteMany({});
}
beforeEach(resetRouting);

describe('concurrent intake', () => {
  it('never exceeds a daily cap: 60 leads at once to a team of caps 20+10+10 give exactly 40 out, 20 to the pool', async () => {
    const results = await Promise.all(
      Array.from({ length: 60 }, () => post({ phone: nextPhone(), region: '上海', source: 'api' })),
    );
    expect(results.every((r) => r.status === 201)).toBe(true);
    const owners = new Map<string, number>();
    for (const r of results)
      if (r.body.lead.ownerId) owners.set(r.body.lead.ownerId, (owners.get(r.body.lead.ownerId) ?? 0) + 1);
    const reps = (await team('华东销售组')).filter((m) => m.roles.includes('rep'));
    const caps = await t.app.models.Member.find({ _id: { $in: reps.map((r) => r.id) } }).lean();
    for (const doc of caps) {
      const cap = doc.level === 'senior' ? 20 : 10;
      expect(owners.get(doc._id.toHexString())).toBe(cap);
      expect(doc.routing?.today).toBe(cap);
    }
    expect(results.filter((r) => r.body.lead.status === 'pooled')).toHaveLength(20);
  });

  it('stores one original when the same person is posted ten times at the same instant', async () => {
    const same = { name: '并发', phone: '13511112222', region: '上海', source: 'website' };
    const results = await Promise.all(Array.from({ length: 10 }, () => post(same)));
    const originals = results.filter((r) => r.body.lead.status !== 'duplicate');
    expect(originals).toHaveLength(1);
    const originalId = originals[0]!.body.lead.id;
    for (const r of results.filter((x) => x.body.lead.status === 'duplicate'))
      expect(r.body.lead.duplicateOf).toBe(originalId);
    // Losers gave their turns back: one lead assigned in the whole team today.
    const docs = await t.app.models.Member.find({ 'routing.today': { $gt: 0 } }).lean();
    expect(docs.reduce((n, d) => n + (d.routing?.today ?? 0), 0)).toBe(1);
    expect(await t.app.models.Lead.countDocuments({ 'keys.phone': '13511112222' })).toBe(1);
  });

  it('replays one Idempotency-Key sent ten times at once as one lead', async () => {
    // A true retry burst: the same lead each time (another lead under the key is 409, see lead-idempotency.test.ts).
    const lead = { phone: nextPhone(), source: 'api' };
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        t.request('POST', '/api/v1/leads', lead, {
          authorization: `Bearer ${t.token}`,
          'idempotency-key': 'burst',
        }),
      ),
    );
    expect(new Set(results.map((r) => r.body.lead.id)).size).toBe(1);
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
  });
});

describe('concurrent claims', () => {
  it('lets exactly one of many simultaneous clicks win a pool lead; the rest are told who has it', async () => {
    const res = await post({ phone: nextPhone(), source: 'event', name: '抢单' });
    expect(res.body.lead.status).toBe('pooled');
    const leadId = res.body.lead.id;
    const reps = (await team('华东销售组')).filter(
      (m) => m.roles.includes('rep') || m.roles.includes('manager'),
    );
    const clicks = await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        t.request('POST', '/sandbox/api/commands', {
          member: reps[i % reps.length]!.id,
          text: `/lead claim ${leadId}`,
        }),
      ),
    );
    const stored = await t.request('GET', `/api/v1/leads/${leadId}`, undefined, {
      authorization: `Bearer ${t.token}`,
    });
    const winner = stored.body.lead.ownerId as string;
    expect(stored.body.lead.status).toBe('claimed');
    expect(stored.body.lead.history.filter((h: { type: string }) => h.type === 'claimed')).toHaveLength(1);
    const losers = clicks.filter((c) => !c.body.ok);
    // The winner's own repeated clicks are harmless successes; everyone else lost and was told who won.
    for (const c of losers) expect(c.body.replies[0].text).toContain(stored.body.lead.ownerName);
    expect(losers.length).toBeGreaterThanOrEqual(18);
    // Only the winner's private pool counts the lead.
    const open = await t.app.models.Member.find({ 'routing.open': { $gt: 0 } }).lean();
    expect(open.map((d) => [d._id.toHexString(), d.routing?.open])).toEqual([[winner, 1]]);
  });

  it('refuses a pool lead of another team and a full private pool, saying which', async () => {
    const res = await post({ phone: nextPhone(), source: 'event' });
    const bd = (await team('BD组')).find((m) => m.roles.includes('rep'))!;
    const other = await t.request('POST', '/sandbox/api/commands', {
      member: bd.id,
      text: `/lead claim ${res.body.lead.id}`,
    });
    expect(other.body.ok).toBe(false);
    expect(other.body.replies[0].text).toContain('其他销售组');
    const east = (await team('华东销售组')).find((m) => m.roles.includes('rep'))!;
    await t.app.models.Member.updateOne({ _id: east.id }, { $set: { poolCapacity: 0 } });
    const full = await t.request('POST', '/sandbox/api/commands', {
      member: east.id,
      text: `/lead claim ${res.body.lead.id}`,
    });
    expect(full.body.replies[0].text).toContain('私海已满');
    await t.app.models.Member.updateOne({ _id: east.id }, { $unset: { poolCapacity: 1 } });
  });
});

void auth;

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const batch = (body: unknown, headers: Record<string, string> = {}) =>
  t.request('POST', '/api/v1/leads:batch', body, { authorization: `Bearer ${t.token}`, ...headers });

describe('POST /api/v1/leads:batch', () => {
  it('answers per item in order: created, duplicate of an earlier item, and every bad field of a bad one', async () => {
    const res = await batch({
      leads: [
        { name: 'A', phone: '13300000001', source: 'api', region: '北京' },
        { name: 'bad', phone: '12', source: 'api' },
        { name: 'A again', phone: '133 0000 0001', source: 'ad' },
        { email: 'x@y.cn', source: 'website' },
      ],
    });
    expect(res.status).toBe(200);
    const [a, bad, again, web] = res.body.results;
    expect(a.status).toBe(201);
    expect(a.lead.assignment.rule.id).toBe('default');
    expect(bad.status).toBe(400);
    expect(bad.error.details.issues.map((i: { field: string }) => i.field)).toEqual(['phone']);
    expect(again.lead.status).toBe('duplicate');
    expect(again.lead.duplicateOf).toBe(a.lead.id);
    expect(web.lead.assignment.strategy).toBe('load_balanced');
  });

  it('replays a whole batch sent again with the same Idempotency-Key', async () => {
    const body = {
      leads: [
        { phone: '13300000011', source: 'api' },
        { phone: '13300000012', source: 'api' },
      ],
    };
    const first = await batch(body, { 'idempotency-key': 'b-1' });
    const again = await batch(body, { 'idempotency-key': 'b-1' });
    expect(again.body.results.map((r: { status: number }) => r.status)).toEqual([200, 200]);
    expect(again.body.results.map((r: { lead: { id: string } }) => r.lead.id)).toEqual(
      first.body.results.map((r: { lead: { id: string } }) => r.lead.id),
    );
  });

  it('refuses more than 1,000 leads with a clear code', async () => {
    const res = await batch({
      leads: Array.from({ length: 1001 }, (_, i) => ({
        phone: `1340000${String(i).padStart(4, '0')}`,
        source: 'api',
      })),
    });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('BATCH_TOO_LARGE');
  });

  it('shares 1,000 leads fairly: every rep within 1 of the ideal, caps never exceeded', async () => {
    const reps = await t.app.models.Member.find({ roles: 'rep' }).lean();
    // Caps high enough for the whole batch, except one rep whose cap must hold.
    await t.app.models.Member.updateMany({}, { $set: { dailyCap: 1000, poolCapacity: 1000 } });
    const team = await t.app.models.Team.findOne({ name: '直销组' }).lean();
    const teamReps = reps.filter((r) => r.teamId?.equals(team!._id));
    const capped = teamReps[0]!;
    await t.app.models.Member.updateOne({ _id: capped._id }, { $set: { dailyCap: 50 } });
    const before = new Map(
      (await t.app.models.Member.find({ _id: { $in: teamReps.map((r) => r._id) } }).lean()).map((m) => [
        m._id.toHexString(),
        m.routing?.today ?? 0,
      ]),
    );
    const leads = Array.from({ length: 1000 }, (_, i) => ({
      phone: `1350000${String(i).padStart(4, '0')}`,
      source: 'api',
      region: '北京',
    }));
    const res = await batch({ leads });
    const counts = new Map<string, number>();
    for (const r of res.body.results) counts.set(r.lead.ownerId, (counts.get(r.lead.ownerId) ?? 0) + 1);
    const cappedId = capped._id.toHexString();
    expect((counts.get(cappedId) ?? 0) + (before.get(cappedId) ?? 0)).toBe(50);
    const others = teamReps
      .filter((r) => !r._id.equals(capped._id))
      .map((r) => counts.get(r._id.toHexString()) ?? 0);
    const ideal = (1000 - (counts.get(cappedId) ?? 0)) / others.length;
    for (const n of others) expect(Math.abs(n - ideal)).toBeLessThanOrEqual(1);
    const after = await t.app.models.Member.find({ _id: { $in: teamReps.map((r) => r._id) } }).lean();
    for (const m of after)
      expect(m.routing?.today).toBe(
        (before.get(m._id.toHexString()) ?? 0) + (counts.get(m._id.toHexString()) ?? 0),
      );
  });
});

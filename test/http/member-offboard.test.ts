import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';

// `POST /api/v1/members/:id/offboard` on the demo org through the real stack: every refusal with its status, then
// the hand-over to the pool, then the second call told it is done.

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
}, 60_000);
afterAll(() => t.close());

const auth = (token = t.token) => ({ authorization: `Bearer ${token}` });
type Member = { id: string; name: string; roles: string[] };
const members = async () =>
  (await t.request('GET', '/api/v1/members', undefined, auth())).body.members as Member[];
const offboard = (id: string, body: unknown, token?: string) =>
  t.request('POST', `/api/v1/members/${id}/offboard`, body, auth(token));

describe('POST /api/v1/members/:id/offboard', () => {
  it('names every bad field (400), an unknown member (404), a read-only token (403) and an ineligible receiver (409)', async () => {
    const all = await members();
    const leaver = all.find((m) => m.name === '孙磊')!;
    const bad = await offboard(leaver.id, { leadsTo: 'nobody', extra: 1 });
    expect(bad.status).toBe(400);
    const fields = (bad.body.error.details.issues as { field: string }[]).map((i) => i.field).sort();
    expect(fields).toEqual(['extra', 'leadsTo']);
    expect((await offboard(leaver.id, {})).body.error.details.issues[0].field).toBe('leadsTo');
    expect((await offboard('0123456789abcdef01234567', { leadsTo: 'pool' })).status).toBe(404);
    expect((await offboard('not-an-id', { leadsTo: 'pool' })).status).toBe(404);
    const readOnly = await t.request(
      'POST',
      '/api/v1/tokens',
      { name: 'readonly-offboard', role: 'read_only' },
      auth(),
    );
    expect(readOnly.status, JSON.stringify(readOnly.body)).toBe(201);
    expect((await offboard(leaver.id, { leadsTo: 'pool' }, readOnly.body.secret)).status).toBe(403);
    const staff = all.find((m) => m.name === '唐雪')!;
    const notRep = await offboard(leaver.id, { leadsTo: staff.id });
    expect(notRep.status).toBe(409);
    expect(notRep.body.error).toMatchObject({
      code: 'HANDOVER_RECEIVER_NOT_ELIGIBLE',
      details: { why: 'not_rep' },
    });
    const self = await offboard(leaver.id, { leadsTo: leaver.id });
    expect(self.body.error.details.why).toBe('leaver');
    // None of the refusals changed anything.
    expect((await members()).find((m) => m.id === leaver.id)).toBeDefined();
    const doc = await t.app.models.Member.findById(leaver.id).lean();
    expect(doc?.active).toBe(true);
  });

  it('offboards to the pool (200), then answers 409 MEMBER_ALREADY_LEFT', async () => {
    const leaver = (await members()).find((m) => m.name === '郑浩')!;
    const made = await t.request(
      'POST',
      '/api/v1/leads',
      { phone: '13900082001', region: '北京', source: 'website' },
      auth(),
    );
    const code = made.body.lead.code as string;
    await t.request('POST', `/api/v1/leads/${code}:assign`, { to: leaver.name, force: true }, auth());
    const done = await offboard(leaver.id, { leadsTo: 'pool' });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.offboarding).toMatchObject({
      memberId: leaver.id,
      leadsTo: { kind: 'pool' },
      resumed: false,
    });
    expect(done.body.offboarding.leadsMoved).toBeGreaterThanOrEqual(1);
    const lead = (await t.request('GET', `/api/v1/leads/${code}`, undefined, auth())).body.lead;
    expect(lead.status).toBe('pooled');
    expect(lead.ownerId).toBeUndefined();
    const again = await offboard(leaver.id, { leadsTo: 'pool' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('MEMBER_ALREADY_LEFT');
  });
});

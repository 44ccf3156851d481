import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLeadDeadlines } from '../../src/core/pools/run-lead-deadlines.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let phone = 13100000000;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const auth = () => ({ authorization: `Bearer ${t.token}` });
const intake = async (body: Record<string, unknown>) =>
  (await t.request('POST', '/api/v1/leads', { phone: String(++phone), ...body }, auth())).body.lead;
const hoursBetween = (a: string, b: string) => (new Date(b).getTime() - new Date(a).getTime()) / 3_600_000;

describe('pool and deadline settings', () => {
  it('lets an admin move the org to a 3-day reclaim, and refuses a ladder that does not climb', async () => {
    const bad = await t.request('PATCH', '/api/v1/org/settings', { nudgeAfterHours: 40 }, auth());
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.issues[0].field).toBe('managerAfterHours');
    const typo = await t.request('PATCH', '/api/v1/org/settings', { reclaimAfterHour: 72 }, auth());
    expect(typo.status).toBe(400);
    const ok = await t.request(
      'PATCH',
      '/api/v1/org/settings',
      { nudgeAfterHours: 24, managerAfterHours: 48, reclaimAfterHours: 72 },
      auth(),
    );
    expect(ok.status).toBe(200);
    const lead = await intake({ region: '上海', source: 'api' });
    expect(hoursBetween(lead.createdAt, lead.reclaimAt)).toBe(72);
    await t.request(
      'PATCH',
      '/api/v1/org/settings',
      { nudgeAfterHours: 24, managerAfterHours: 36, reclaimAfterHours: 48 },
      auth(),
    );
  });

  it('gives one lead its own reclaim period, at intake or later', async () => {
    const lead = await intake({ region: '上海', source: 'api', reclaimAfterHours: 96 });
    expect(hoursBetween(lead.createdAt, lead.reclaimAt)).toBe(96);
    expect(hoursBetween(lead.createdAt, lead.nudgeAt)).toBe(48);
    const changed = await t.request('PATCH', `/api/v1/leads/${lead.id}`, { reclaimAfterHours: 12 }, auth());
    expect(changed.status).toBe(200);
    expect(hoursBetween(lead.createdAt, changed.body.lead.reclaimAt)).toBe(12);
    expect(changed.body.lead.next).toEqual({ step: 'nudge', at: changed.body.lead.nudgeAt });
    expect(changed.body.lead.history.at(-1).type).toBe('deadline_changed');
  });

  it('re-routes a reclaimed lead to the next eligible rep, never the one it came from, when the org says so', async () => {
    await t.request('PATCH', '/api/v1/org/settings', { reclaimTo: 'reroute' }, auth());
    const lead = await intake({ region: '上海', source: 'api' });
    t.app.clock.advance(49 * 3_600_000);
    await runLeadDeadlines({ ...t.app.intakeDeps, orgs: t.app.repos.orgs, teams: t.app.repos.teams });
    const after = (await t.request('GET', `/api/v1/leads/${lead.id}`, undefined, auth())).body.lead;
    expect(after.status).toBe('assigned');
    expect(after.ownerId).toBeDefined();
    expect(after.ownerId).not.toBe(lead.ownerId);
    expect(after.history.at(-1)).toMatchObject({
      type: 'reclaimed',
      release: { type: 'timeout', newOwnerId: after.ownerId },
    });
    expect(after.assignment.skipped).toContainEqual({ memberId: lead.ownerId, why: 'previous_owner' });
    await t.request('PATCH', '/api/v1/org/settings', { reclaimTo: 'pool' }, auth());
  });
});

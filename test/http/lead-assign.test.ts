import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';

// `POST /api/v1/leads/:id:assign` on the demo org, by short code, through the real stack.

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const auth = () => ({ authorization: `Bearer ${t.token}` });

describe('POST /api/v1/leads/:id:assign', () => {
  it('moves a lead named by its code to another rep of its team, then back to the pool', async () => {
    const created = await t.request(
      'POST',
      '/api/v1/leads',
      { name: '赵总', phone: '13812349901', region: '上海', source: 'website' },
      auth(),
    );
    const lead = created.body.lead;
    const members = (await t.request('GET', '/sandbox/api/members')).body as {
      id: string;
      name: string;
      team: string | null;
      roles: string[];
    }[];
    const other = members.find(
      (m) => m.team === '华东销售组' && m.id !== lead.ownerId && m.roles.includes('rep'),
    )!;
    const moved = await t.request(
      'POST',
      `/api/v1/leads/${lead.code.toLowerCase()}:assign`,
      { to: other.name, reason: '客户要求换人' },
      auth(),
    );
    expect(moved.status).toBe(200);
    expect(moved.body.lead).toMatchObject({ id: lead.id, ownerId: other.id, status: 'assigned' });
    expect(moved.body.lead.history.at(-1)).toMatchObject({
      type: 'reassigned',
      reason: { kind: 'typed', text: '客户要求换人' },
    });
    const pooled = await t.request('POST', `/api/v1/leads/${lead.code}:assign`, { to: 'pool' }, auth());
    expect(pooled.body.lead.status).toBe('pooled');
    const missing = await t.request('POST', '/api/v1/leads/L-999999:assign', { to: 'pool' }, auth());
    expect(missing.status).toBe(404);
    const bad = await t.request(
      'POST',
      `/api/v1/leads/${lead.code}:assign`,
      { to: 'pool', extra: 1 },
      auth(),
    );
    expect(bad.status).toBe(400);
  });
});

describe('POST /api/v1/leads:assign', () => {
  it('plans the pool of a team from one campaign in a dry run, then assigns it', async () => {
    const batch = await t.request(
      'POST',
      '/api/v1/leads:batch',
      {
        strategy: 'pool',
        leads: [1, 2, 3, 4].map((i) => ({
          phone: `1391234770${i}`,
          region: '上海',
          source: 'website',
          campaign: '双十二',
        })),
      },
      auth(),
    );
    const pooled = batch.body.results.map((r: { lead: { teamId: string; code: string } }) => r.lead);
    const body = {
      filter: { team: pooled[0].teamId, pool: 'public', campaign: '双十二' },
      strategy: 'round_robin',
    };
    const dry = await t.request('POST', '/api/v1/leads:assign', { ...body, dryRun: true }, auth());
    expect(dry.status).toBe(200);
    expect(dry.body.dryRun).toBe(true);
    expect(dry.body.perMember.reduce((n: number, m: { count: number }) => n + m.count, 0)).toBe(4);
    const still = await t.request('GET', `/api/v1/leads/${pooled[0].code}`, undefined, auth());
    expect(still.body.lead.status).toBe('pooled');
    const done = await t.request('POST', '/api/v1/leads:assign', body, auth());
    expect(done.body.perMember).toEqual(dry.body.perMember);
    const after = await t.request('GET', `/api/v1/leads/${pooled[0].code}`, undefined, auth());
    expect(after.body.lead.status).toBe('assigned');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  const leads = [
    { phone: '13000000001', source: 'event' },
    { phone: '13000000002', source: 'event' },
    { phone: '13000000003', region: '上海', source: 'website' },
    { phone: '13000000004', region: '北京', source: 'api' },
    { phone: '13000000005', region: '北京', source: 'api' },
  ];
  for (const lead of leads)
    await t.request('POST', '/api/v1/leads', lead, { authorization: `Bearer ${t.token}` });
});
afterAll(() => t.close());

const list = async (query: string) =>
  t.request('GET', `/api/v1/leads${query}`, undefined, { authorization: `Bearer ${t.token}` });

describe('GET /api/v1/leads', () => {
  it('filters by pool, status and source, newest first', async () => {
    expect((await list('?pool=public')).body.leads.map((l: { source: string }) => l.source)).toEqual([
      'event',
      'event',
    ]);
    expect((await list('?pool=private')).body.leads).toHaveLength(3);
    expect(
      (await list('?source=api&status=assigned')).body.leads.map(
        (l: { contact: { phone: string } }) => l.contact.phone,
      ),
    ).toEqual(['13000000005', '13000000004']);
    expect((await list('?pool=public&status=assigned')).body.leads).toEqual([]);
  });

  it('filters by owner and pages with `before`', async () => {
    const all = (await list('?pool=private')).body.leads as { id: string; ownerId: string }[];
    const owner = all[0]!.ownerId;
    const mine = (await list(`?owner=${owner}`)).body.leads as { ownerId: string }[];
    expect(mine.every((l) => l.ownerId === owner)).toBe(true);
    const first = await list('?limit=2');
    expect(first.body.leads).toHaveLength(2);
    const second = await list(`?limit=2&before=${first.body.next.before}`);
    expect(second.body.leads.map((l: { id: string }) => l.id)).not.toContain(first.body.leads[0].id);
    expect(second.body.leads).toHaveLength(2);
  });

  it('names every bad query parameter', async () => {
    const res = await list('?pool=both&limit=0&owner=x');
    expect(res.status).toBe(400);
    expect(res.body.error.details.issues.map((i: { field: string }) => i.field).sort()).toEqual([
      'limit',
      'owner',
      'pool',
    ]);
  });
});

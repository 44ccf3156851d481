import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const auth = (extra: Record<string, string> = {}) => ({ authorization: `Bearer ${t.token}`, ...extra });
const post = (body: unknown, headers: Record<string, string> = {}) =>
  t.request('POST', '/api/v1/leads', body, auth(headers));
const batch = (body: unknown, headers: Record<string, string> = {}) =>
  t.request('POST', '/api/v1/leads:batch', body, auth(headers));
const stored = (phone: string) => t.app.models.Lead.countDocuments({ 'contact.phone': phone });
const lead = (n: number) => ({
  name: `客户 ${n}`,
  phone: `1360000${String(n).padStart(4, '0')}`,
  source: 'api',
});

describe('idempotency keys mean one request', () => {
  it('answers a key reused with another lead 409 IDEMPOTENCY_KEY_REUSED, and a true retry 200 with the first', async () => {
    const first = await post(lead(1), { 'idempotency-key': 'same' });
    expect(first.status).toBe(201);
    const reused = await post(lead(2), { 'idempotency-key': 'same' });
    expect(reused.status).toBe(409);
    expect(reused.body.error).toMatchObject({
      code: 'IDEMPOTENCY_KEY_REUSED',
      details: { leadId: first.body.lead.id, matchedOn: 'idempotencyKey' },
    });
    expect(reused.body.error.message).toContain('Idempotency-Key');
    expect(await stored(lead(2).phone)).toBe(0);
    const retry = await post(lead(1), { 'idempotency-key': 'same' });
    expect(retry.status).toBe(200);
    expect(retry.body.lead.id).toBe(first.body.lead.id);
  });

  it('answers a source + externalId sent again with another lead 409 as well', async () => {
    const first = await post({ ...lead(3), externalId: 'crm-3' });
    const changed = await post({ ...lead(3), externalId: 'crm-3', intent: '换了需求' });
    expect(changed.status).toBe(409);
    expect(changed.body.error.details).toMatchObject({ matchedOn: 'externalId', leadId: first.body.lead.id });
    expect((await post({ ...lead(3), externalId: 'crm-3' })).status).toBe(200);
  });

  it('refuses both items of a batch sharing a key as 400 naming their positions; B is not lost silently', async () => {
    const res = await batch({ leads: [lead(4), lead(5), lead(6)], idempotencyKeys: ['k', 'k', 'k6'] });
    expect(res.status).toBe(200);
    const [a, b, c] = res.body.results;
    for (const [r, at] of [
      [a, 0],
      [b, 1],
    ] as const) {
      expect(r.status).toBe(400);
      expect(r.error.code).toBe('VALIDATION_FAILED');
      expect(r.error.details.issues).toEqual([
        { field: `idempotencyKeys[${at}]`, message: expect.stringContaining('leads 0, 1') },
      ]);
    }
    expect(c.status).toBe(201);
    expect([await stored(lead(4).phone), await stored(lead(5).phone)]).toEqual([0, 0]);
  });

  it('keeps a batch sent with header K apart from a single POST with key K#0', async () => {
    const b = await batch({ leads: [lead(7), lead(8)] }, { 'idempotency-key': 'K' });
    const single = await post(lead(9), { 'idempotency-key': 'K#0' });
    expect(single.status).toBe(201);
    expect(single.body.lead.id).not.toBe(b.body.results[0].lead.id);
    const again = await batch({ leads: [lead(7), lead(8)] }, { 'idempotency-key': 'K' });
    expect(again.body.results.map((r: { status: number }) => r.status)).toEqual([200, 200]);
    const keys = await t.app.models.Lead.find({ idempotencyKey: /K#/ }, { idempotencyKey: 1 }).lean();
    expect(keys.map((k) => k.idempotencyKey).sort()).toEqual(['batch:K#0', 'batch:K#1', 'single:K#0']);
  });

  it('answers one batch item 409 when its key was used for another lead, the rest as usual', async () => {
    await batch({ leads: [lead(10)], idempotencyKeys: ['item-10'] });
    const res = await batch({ leads: [lead(11), lead(12)], idempotencyKeys: ['item-10', 'item-12'] });
    const [reused, fresh] = res.body.results;
    expect(reused).toMatchObject({ status: 409, error: { code: 'IDEMPOTENCY_KEY_REUSED' } });
    expect(fresh.status).toBe(201);
    expect(await stored(lead(11).phone)).toBe(0);
  });
  it('stores one of ten different leads sent at once under one key and refuses the other nine', async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => post(lead(100 + i), { 'idempotency-key': 'burst-different' })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, ...Array(9).fill(409)]);
    const won = results.find((r) => r.status === 201)!.body.lead.id;
    for (const r of results.filter((x) => x.status === 409)) expect(r.body.error.details.leadId).toBe(won);
    expect(await t.app.models.Lead.countDocuments({ idempotencyKey: 'single:burst-different' })).toBe(1);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../../src/core/org/api-tokens.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const as = (token: string) => ({ authorization: `Bearer ${token}` });

describe('API tokens: POST, GET and DELETE /api/v1/tokens', () => {
  it('makes a token shown once and stored hashed, lists it without its secret, and revokes it at once', async () => {
    const made = await t.request('POST', '/api/v1/tokens', { name: 'crm sync', role: 'admin' }, as(t.token));
    expect(made.status).toBe(201);
    const { token, secret } = made.body;
    expect(secret).toMatch(/^lr_[\w-]{43}$/);
    expect(token).toMatchObject({ name: 'crm sync', role: 'admin', prefix: secret.slice(0, 8) });
    const stored = await t.app.models.ApiToken.findOne({ name: 'crm sync' }).lean();
    expect(stored?.hash).toBe(hashToken(secret));
    expect(JSON.stringify(stored)).not.toContain(secret);

    expect((await t.request('GET', '/api/v1/org', undefined, as(secret))).status).toBe(200);
    const listed = await t.request('GET', '/api/v1/tokens', undefined, as(t.token));
    expect(listed.body.tokens.map((x: { name: string }) => x.name)).toContain('crm sync');
    expect(JSON.stringify(listed.body)).not.toContain(secret);
    expect(JSON.stringify(listed.body)).not.toContain(stored?.hash);

    const revoked = await t.request('DELETE', `/api/v1/tokens/${token.id}`, undefined, as(t.token));
    expect(revoked.status).toBe(200);
    expect(revoked.body.token.revokedAt).toEqual(expect.any(String));
    expect((await t.request('GET', '/api/v1/org', undefined, as(secret))).status).toBe(401);
    // Revoking again keeps the first time; an unknown or malformed id is a 404.
    const again = await t.request('DELETE', `/api/v1/tokens/${token.id}`, undefined, as(t.token));
    expect(again.body.token.revokedAt).toBe(revoked.body.token.revokedAt);
    // …and leaves one entry in the audit trail, not one per DELETE.
    const trail = await t.request('GET', '/api/v1/audit?kind=token.revoke', undefined, as(t.token));
    const entries = (trail.body.entries as { target?: { id?: string } }[]).filter(
      (e) => e.target?.id === token.id,
    );
    expect(entries).toHaveLength(1);
    expect(
      (await t.request('DELETE', '/api/v1/tokens/000000000000000000000000', undefined, as(t.token))).status,
    ).toBe(404);
    expect((await t.request('DELETE', '/api/v1/tokens/nope', undefined, as(t.token))).status).toBe(404);
  });

  it('lets a read-only token read and answers 403 to each of its writes', async () => {
    const { secret } = (
      await t.request('POST', '/api/v1/tokens', { name: 'dashboard', role: 'read_only' }, as(t.token))
    ).body;
    expect((await t.request('GET', '/api/v1/leads', undefined, as(secret))).status).toBe(200);
    expect((await t.request('GET', '/api/v1/routing', undefined, as(secret))).status).toBe(200);
    const writes = await Promise.all([
      t.request('POST', '/api/v1/leads', { phone: '13900000001', source: 'api' }, as(secret)),
      t.request('PATCH', '/api/v1/org/settings', { locale: 'en' }, as(secret)),
      t.request('POST', '/api/v1/tokens', { name: 'escalate', role: 'admin' }, as(secret)),
      t.request('DELETE', '/api/v1/tokens/000000000000000000000000', undefined, as(secret)),
    ]);
    expect(writes.map((w) => w.status)).toEqual([403, 403, 403, 403]);
    expect(writes[0]?.body.error.code).toBe('FORBIDDEN');
    expect(await t.app.models.Lead.countDocuments({})).toBe(0);
    expect(await t.app.models.ApiToken.countDocuments({ name: 'escalate' })).toBe(0);
  });

  it('lets only admins manage tokens, and refuses a bad name, role or a name in use', async () => {
    const bad = await t.request(
      'POST',
      '/api/v1/tokens',
      { name: 'x\u202E', role: 'owner', extra: 1 },
      as(t.token),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.issues.map((i: { field: string }) => i.field).sort()).toEqual([
      'extra',
      'name',
      'role',
    ]);
    await t.request('POST', '/api/v1/tokens', { name: 'twice', role: 'admin' }, as(t.token));
    const taken = await t.request(
      'POST',
      '/api/v1/tokens',
      { name: 'twice', role: 'read_only' },
      as(t.token),
    );
    expect(taken.status).toBe(400);
    expect(taken.body.error.details.issues[0].field).toBe('name');
    expect((await t.request('GET', '/api/v1/tokens')).status).toBe(401);
  });
});

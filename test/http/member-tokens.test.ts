import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../../src/core/org/api-tokens.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  for (const [i, source] of ['event', 'event', 'website', 'api', 'api', 'api'].entries())
    await t.request('POST', '/api/v1/leads', { phone: `1310000000${i}`, source }, as(t.token));
});
afterAll(() => t.close());

const as = (token: string) => ({ authorization: `Bearer ${token}` });
const memberNamed = async (name: string) => {
  const doc = await t.app.models.Member.findOne({ name }).lean();
  if (!doc) throw new Error(`no demo member ${name}`);
  return doc;
};

describe('per-member API tokens', () => {
  it('an admin makes one for a rep: shown once, stored hashed, acting with the rep’s own lead scope', async () => {
    const admin = await t.request('GET', '/api/v1/leads?pool=private', undefined, as(t.token));
    const ownerId: string = admin.body.leads[0].ownerId;
    const made = await t.request(
      'POST',
      `/api/v1/members/${ownerId}/tokens`,
      { name: 'rep sync' },
      as(t.token),
    );
    expect(made.status).toBe(201);
    const { token, secret } = made.body;
    expect(token).toMatchObject({ role: 'member', memberId: ownerId, roles: [], prefix: secret.slice(0, 8) });
    const stored = await t.app.models.ApiToken.findOne({ name: 'rep sync' }).lean();
    expect(stored?.hash).toBe(hashToken(secret));
    expect(stored?.memberId?.toHexString()).toBe(ownerId);
    expect(JSON.stringify(stored)).not.toContain(secret);

    const mine = await t.request('GET', '/api/v1/leads', undefined, as(secret));
    expect(mine.status).toBe(200);
    const owner = await t.app.models.Member.findById(ownerId).lean();
    const seen = mine.body.leads as { ownerId?: string; status: string; teamId?: string }[];
    expect(seen.length).toBeGreaterThan(0);
    // Their own, or their team's public pool: never another rep's lead, though the admin's list has them.
    for (const lead of seen)
      expect(
        lead.ownerId === ownerId ||
          (lead.status === 'pooled' && lead.teamId === owner?.teamId?.toHexString()),
      ).toBe(true);
    expect(admin.body.leads.some((l: { ownerId: string }) => l.ownerId !== ownerId)).toBe(true);
    // Listing shows neither the secret nor the hash, to the admin or to the member.
    for (const who of [t.token, secret]) {
      const listed = await t.request('GET', '/api/v1/tokens', undefined, as(who));
      expect(listed.status).toBe(200);
      expect(JSON.stringify(listed.body)).not.toContain(secret);
      expect(JSON.stringify(listed.body)).not.toContain(stored?.hash);
    }
    const ownList = await t.request('GET', '/api/v1/tokens', undefined, as(secret));
    expect(ownList.body.tokens.map((x: { memberId?: string }) => x.memberId)).toEqual([ownerId]);
  });

  it('keeps lastUsedAt to the minute with one conditional write', async () => {
    const rep = await memberNamed('孙磊');
    const { secret, token } = (
      await t.request('POST', '/api/v1/tokens', { memberId: rep._id.toHexString() }, as(t.token))
    ).body;
    expect(token.name).toBe(`孙磊 ${secret.slice(0, 8)}`);
    const lastUsed = async () => (await t.app.models.ApiToken.findById(token.id).lean())?.lastUsedAt;
    expect(await lastUsed()).toBeUndefined();
    await t.request('GET', '/api/v1/org', undefined, as(secret));
    const first = await lastUsed();
    expect(first).toBeInstanceOf(Date);
    t.app.clock.advance(30_000);
    await Promise.all([1, 2, 3].map(() => t.request('GET', '/api/v1/org', undefined, as(secret))));
    expect(await lastUsed()).toEqual(first);
    t.app.clock.advance(31_000);
    await t.request('GET', '/api/v1/org', undefined, as(secret));
    // The adjustable clock also runs on real time, so "at least a minute later".
    expect((await lastUsed())?.getTime()).toBeGreaterThanOrEqual(first!.getTime() + 61_000);
  });

  it('acts with the member’s current roles and refuses the token once the member is inactive', async () => {
    const rep = await memberNamed('吴静');
    const id = rep._id.toHexString();
    const { secret } = (await t.request('POST', `/api/v1/members/${id}/tokens`, {}, as(t.token))).body;
    // A rep may not read routing; promoted to manager, the same token may at once.
    expect((await t.request('GET', '/api/v1/routing', undefined, as(secret))).status).toBe(403);
    await t.app.models.Member.updateOne({ _id: rep._id }, { $set: { roles: ['manager'] } });
    expect((await t.request('GET', '/api/v1/routing', undefined, as(secret))).status).toBe(200);
    await t.app.models.Member.updateOne({ _id: rep._id }, { $set: { active: false } });
    expect((await t.request('GET', '/api/v1/org', undefined, as(secret))).status).toBe(401);
    await t.app.models.Member.updateOne({ _id: rep._id }, { $set: { active: true, roles: ['rep'] } });
    // An inactive member gets no new token either.
    const leaver = await memberNamed('何晨');
    await t.app.models.Member.updateOne({ _id: leaver._id }, { $set: { active: false } });
    const refused = await t.request('POST', `/api/v1/members/${leaver._id}/tokens`, {}, as(t.token));
    expect(refused.body.error.code).toBe('MEMBER_INACTIVE');
    await t.app.models.Member.updateOne({ _id: leaver._id }, { $set: { active: true } });
  });

  it('lets a member revoke their own token but not another’s, and only admins make tokens for others', async () => {
    const [a, b] = [await memberNamed('马超'), await memberNamed('林小雨')];
    const ta = (await t.request('POST', `/api/v1/members/${a._id}/tokens`, {}, as(t.token))).body;
    const tb = (await t.request('POST', `/api/v1/members/${b._id}/tokens`, {}, as(t.token))).body;
    const forOther = await t.request('POST', `/api/v1/members/${b._id}/tokens`, {}, as(ta.secret));
    expect(forOther.status).toBe(403);
    const orgToken = await t.request('POST', '/api/v1/tokens', { name: 'x', role: 'admin' }, as(ta.secret));
    expect(orgToken.status).toBe(403);
    const other = await t.request('DELETE', `/api/v1/tokens/${tb.token.id}`, undefined, as(ta.secret));
    expect(other.status).toBe(404);
    expect((await t.request('GET', '/api/v1/org', undefined, as(tb.secret))).status).toBe(200);
    const own = await t.request('DELETE', `/api/v1/tokens/${ta.token.id}`, undefined, as(ta.secret));
    expect(own.status).toBe(200);
    expect((await t.request('GET', '/api/v1/org', undefined, as(ta.secret))).status).toBe(401);
    const byAdmin = await t.request('DELETE', `/api/v1/tokens/${tb.token.id}`, undefined, as(t.token));
    expect(byAdmin.status).toBe(200);
    expect((await t.request('GET', '/api/v1/org', undefined, as(tb.secret))).status).toBe(401);
    const unknown = await t.request('POST', '/api/v1/members/nope/tokens', {}, as(t.token));
    expect(unknown.body.error.code).toBe('MEMBER_NOT_FOUND');
  });
});

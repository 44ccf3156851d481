import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type AuditEntry, auditExpiry } from '../../src/core/audit/index.js';
import { systemCaller } from '../../src/core/org/caller.js';
import { issueApiToken } from '../../src/core/org/issue-api-token.js';
import { type MemberId, orgId } from '../../src/core/shared/ids.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let adminToken: string;
let managerToken: string;
beforeAll(async () => {
  t = await startTestApp();
  const deps = { tokens: t.app.repos.tokens, clock: t.app.clock };
  const caller = systemCaller((await t.app.repos.orgs.get(orgId(t.orgId)))!, 'en');
  adminToken = await issueApiToken(deps, caller, { name: 'audit-admin', roles: ['admin'] });
  managerToken = await issueApiToken(deps, caller, { name: 'audit-manager', roles: ['manager'] });
});
afterAll(() => t.close());

const as = (token: string) => ({ authorization: `Bearer ${token}` });
const get = (query: string, token = adminToken) =>
  t.request('GET', `/api/v1/audit${query}`, undefined, as(token));

// Entries written straight to the store, at known instants, by an actor no other test uses.
const LIN = '0000000000000000000000a1' as MemberId;
function entry(kind: AuditEntry['kind'], at: string, name = '林工'): AuditEntry {
  return {
    orgId: orgId(t.orgId),
    at: new Date(at),
    actor: { kind: 'member', memberId: LIN, name },
    via: { platform: 'sandbox' },
    kind,
    target: { type: 'member', id: LIN, label: name },
    expireAt: auditExpiry(new Date(at), 1095),
  };
}

describe('GET /api/v1/audit', () => {
  it('shows a real settings change with before, after and the token as origin', async () => {
    const patch = await t.request('PATCH', '/api/v1/org/settings', { reclaimTo: 'reroute' }, as(adminToken));
    expect(patch.status).toBe(200);
    const res = await get('?actor=audit-admin&kind=settings.update');
    expect(res.status).toBe(200);
    expect(res.body.entries).toHaveLength(1);
    const [e] = res.body.entries;
    expect(e.kind).toBe('settings.update');
    expect(e.actor).toMatchObject({ kind: 'api', tokenName: 'audit-admin' });
    expect(e.actor.tokenId).toEqual(expect.any(String));
    expect(e.via).toEqual({ api: true });
    expect(e.after).toEqual({ reclaimTo: 'reroute' });
    expect(e.before?.reclaimTo).not.toBe('reroute');
    expect(e.orgId).toBeUndefined();
    await t.request('PATCH', '/api/v1/org/settings', { reclaimTo: 'pool' }, as(adminToken));
  });

  it('filters by member id or name, kind and period, newest first, page by page', async () => {
    const audit = t.app.repos.audit;
    await audit.record(entry('member.roles', '2026-11-01T09:00:00+08:00'));
    await audit.record(entry('member.availability', '2026-11-02T09:00:00+08:00'));
    await audit.record(entry('member.roles', '2026-11-03T09:00:00+08:00'));
    await audit.record(entry('member.roles', '2026-11-04T09:00:00+08:00', '林工程'));

    const byId = await get(`?actor=${LIN}`);
    expect(byId.body.entries.map((e: { at: string }) => e.at)).toEqual([
      '2026-11-04T01:00:00.000Z',
      '2026-11-03T01:00:00.000Z',
      '2026-11-02T01:00:00.000Z',
      '2026-11-01T01:00:00.000Z',
    ]);
    // A name is the one stored at the time: the renamed member's last entry is not 林工's.
    const byName = await get(`?actor=${encodeURIComponent('林工')}&kind=member.roles`);
    expect(byName.body.entries.map((e: { at: string }) => e.at)).toEqual([
      '2026-11-03T01:00:00.000Z',
      '2026-11-01T01:00:00.000Z',
    ]);
    const kinds = await get(`?actor=${LIN}&kind=member.availability,member.roles`);
    expect(kinds.body.entries).toHaveLength(4);
    const period = await get(
      `?actor=${LIN}&from=${encodeURIComponent('2026-11-02T09:00:00+08:00')}&to=2026-11-04T01:00:00Z`,
    );
    expect(period.body.entries.map((e: { kind: string }) => e.kind)).toEqual([
      'member.roles',
      'member.availability',
    ]);

    const first = await get(`?actor=${LIN}&limit=3`);
    expect(first.body.entries).toHaveLength(3);
    expect(first.body.next).toEqual(expect.any(String));
    const second = await get(`?actor=${LIN}&limit=3&cursor=${first.body.next}`);
    expect(second.body.entries.map((e: { at: string }) => e.at)).toEqual(['2026-11-01T01:00:00.000Z']);
    expect(second.body.next).toBeUndefined();
  });

  it('names every bad query field', async () => {
    const res = await get('?kind=settings.update,nope&from=yesterday&limit=0&colour=red');
    expect(res.status).toBe(400);
    const fields = res.body.error.details.issues.map((i: { field: string }) => i.field);
    expect(fields).toEqual(expect.arrayContaining(['kind.1', 'from', 'limit', 'colour']));
    const backwards = await get('?from=2026-11-04T00:00:00Z&to=2026-11-01T00:00:00Z');
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.details.issues.map((i: { field: string }) => i.field)).toEqual(['to']);
  });

  it('refuses a non-admin token', async () => {
    const res = await get('', managerToken);
    expect(res.status).toBe(403);
    expect(res.body.entries).toBeUndefined();
  });
});

describe('the changes recorded besides configuration', () => {
  const last = async (kind: string) => (await get(`?kind=${kind}&limit=1`)).body.entries[0];

  it('records a finished export with its kind, period and rows', async () => {
    const res = await fetch(`${t.baseUrl}/api/v1/exports/leads?from=2026-03-01&to=2026-03-31`, {
      headers: as(adminToken),
    });
    expect(res.status).toBe(200);
    const lines = (await res.text()).trim().split('\n').length;
    // The entry is written once the file is whole, which the client may see a moment before the insert lands.
    const e = await vi.waitFor(
      async () => (await last('export.run')) ?? Promise.reject(new Error('not yet')),
    );
    expect(e.actor).toMatchObject({ kind: 'api', tokenName: 'audit-admin' });
    expect(e.details).toMatchObject({ kind: 'leads', format: 'csv', rows: lines - 1 });
    expect(new Date(e.details.from).getTime()).toBeLessThan(new Date(e.details.to).getTime());
  });

  it('records a member token made for a member, without its secret', async () => {
    const member = (await t.app.repos.members.list(orgId(t.orgId)))[1]!;
    const made = await t.request(
      'POST',
      `/api/v1/members/${member.id}/tokens`,
      { name: 'audit-own' },
      as(adminToken),
    );
    expect(made.status).toBe(201);
    const e = await last('token.create');
    expect(e.target).toEqual({ type: 'api_token', id: made.body.token.id, label: 'audit-own' });
    expect(e.after).toEqual({ name: 'audit-own', memberId: member.id, memberName: member.name });
    expect(JSON.stringify(e)).not.toContain(made.body.secret);
  });

  it('records an offboarding through the API', async () => {
    const leaver = (await t.app.repos.members.list(orgId(t.orgId))).find((m) => m.name === '郑浩')!;
    const done = await t.request(
      'POST',
      `/api/v1/members/${leaver.id}/offboard`,
      { leadsTo: 'pool' },
      as(adminToken),
    );
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    const e = await last('member.leave');
    expect(e.target).toEqual({ type: 'member', id: leaver.id, label: '郑浩' });
    expect(e.after).toEqual({ active: false });
    expect(e.details.tokensRevoked).toBe(done.body.offboarding.tokensRevoked);
  });
});

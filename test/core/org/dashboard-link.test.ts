import { describe, expect, it } from 'vitest';
import { hashToken } from '../../../src/core/org/api-tokens.js';
import { memberCaller } from '../../../src/core/org/caller.js';
import { issueDashboardLink } from '../../../src/core/org/issue-dashboard-link.js';
import { findDashboardSession, openDashboardLink } from '../../../src/core/org/open-dashboard-link.js';
import type { Role } from '../../../src/core/org/types.js';
import { fixedClock } from '../../../src/core/shared/clock.js';
import { isDomainError } from '../../../src/core/shared/errors.js';
import { FakeDashboardAccess } from '../dashboard-access-fake.js';
import { makeMember, makeOrg } from '../fakes.js';

const AT = new Date('2026-03-02T02:00:00Z');
const MIN = 60_000;

function world(roles: Role[] = ['rep']) {
  const access = new FakeDashboardAccess();
  const clock = fixedClock(AT);
  const org = makeOrg();
  const member = makeMember('00000000000000000000c001', { roles });
  return { deps: { access, clock }, access, clock, caller: memberCaller(org, member, 'zh-CN'), member };
}

const refusal = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (error) {
    if (isDomainError(error)) return { code: error.code, details: error.details };
    throw error;
  }
  throw new Error('not refused');
};

describe('dashboard sign-in links', () => {
  it('stores only the hash of a 10-minute link, and opens it once into an 8-hour session of its member', async () => {
    const w = world();
    const { token, expiresAt } = await issueDashboardLink(w.deps, w.caller);
    expect(expiresAt).toEqual(new Date(AT.getTime() + 10 * MIN));
    expect(w.access.rows[0]?.linkHash).toBe(hashToken(token));
    expect(JSON.stringify(w.access.rows)).not.toContain(token);
    w.clock.set(new Date(AT.getTime() + 9 * MIN));
    const opened = await openDashboardLink(w.deps, token);
    expect(opened).toMatchObject({
      memberId: w.member.id,
      expiresAt: new Date(AT.getTime() + (9 + 480) * MIN),
    });
    expect(await findDashboardSession(w.deps, opened.sessionToken)).toMatchObject({ memberId: w.member.id });
    expect(await refusal(openDashboardLink(w.deps, token))).toEqual({
      code: 'DASHBOARD_LINK_INVALID',
      details: { reason: 'used' },
    });
  });

  it('says a link is expired after 10 minutes and unknown when it never was', async () => {
    const w = world(['manager']);
    const { token } = await issueDashboardLink(w.deps, w.caller);
    w.clock.set(new Date(AT.getTime() + 10 * MIN));
    expect((await refusal(openDashboardLink(w.deps, token))).details).toEqual({ reason: 'expired' });
    expect((await refusal(openDashboardLink(w.deps, 'nope'))).details).toEqual({ reason: 'unknown' });
  });

  it('gives no link to a role that sees no figure', async () => {
    const w = world(['aftersales']);
    expect((await refusal(issueDashboardLink(w.deps, w.caller))).code).toBe('FORBIDDEN');
    expect(w.access.rows).toHaveLength(0);
  });
});

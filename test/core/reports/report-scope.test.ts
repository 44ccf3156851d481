import { describe, expect, it } from 'vitest';
import { apiCaller, memberCaller } from '../../../src/core/org/caller.js';
import type { Role } from '../../../src/core/org/types.js';
import { reportScope } from '../../../src/core/reports/index.js';
import { DomainError } from '../../../src/core/shared/errors.js';
import { teamId } from '../../../src/core/shared/ids.js';
import { makeMember, makeOrg } from '../fakes.js';

const org = makeOrg();
const OWN = teamId('team-1');
const OTHER = teamId('team-2');
const as = (roles: Role[], managed: string[] = []) =>
  memberCaller(org, makeMember('m1', { roles, teamId: OWN }), 'zh-CN', managed.map(teamId));
const refused = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error instanceof DomainError && error.code === 'FORBIDDEN';
  }
  return false;
};

describe('reportScope: who sees which figures', () => {
  it('gives directors and admins the org, or the one team asked for', () => {
    expect(reportScope(as(['director']), undefined)).toEqual({ sales: true, afterSales: true });
    expect(reportScope(apiCaller(org, ['admin']), OTHER)).toEqual({
      teamIds: [OTHER],
      sales: true,
      afterSales: true,
    });
  });

  it('gives a manager their own and their managed teams, and refuses another', () => {
    expect(reportScope(as(['manager'], ['team-3']), undefined)).toEqual({
      teamIds: [OWN, teamId('team-3')],
      sales: true,
      afterSales: false,
    });
    expect(reportScope(as(['manager'], ['team-3']), teamId('team-3')).teamIds).toEqual([teamId('team-3')]);
    expect(refused(() => reportScope(as(['manager']), OTHER))).toBe(true);
  });

  it('gives a rep their own figures within their team, never another team', () => {
    expect(reportScope(as(['rep']), undefined)).toEqual({
      teamIds: [OWN],
      onlyMemberId: 'm1',
      sales: true,
      afterSales: false,
    });
    expect(refused(() => reportScope(as(['rep']), OTHER))).toBe(true);
  });

  it('gives after-sales managers the after-sales figures only, and after-sales staff nothing', () => {
    expect(reportScope(as(['aftersales_manager']), undefined)).toEqual({ sales: false, afterSales: true });
    expect(refused(() => reportScope(as(['aftersales']), undefined))).toBe(true);
    // An API token acting as a rep has no member to scope to.
    expect(refused(() => reportScope(apiCaller(org, ['rep']), undefined))).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { type Caller, memberCaller, systemCaller } from '../../src/core/org/caller.js';
import { type Action, assertCan, can, rolesAllowed } from '../../src/core/org/permissions.js';
import { ROLES, type Role } from '../../src/core/org/types.js';
import { DomainError } from '../../src/core/shared/errors.js';
import { makeMember, makeOrg } from './fakes.js';

/** The policy as the product describes it, written out independently of src so a change to the table is caught. */
const EXPECTED: Record<Action, readonly Role[]> = {
  'org.read': ['admin', 'director', 'manager', 'rep', 'aftersales', 'aftersales_manager'],
  'org.configure': ['admin'],
  'member.list': ['admin', 'director', 'manager', 'rep', 'aftersales', 'aftersales_manager'],
  'member.set_availability.self': ['admin', 'director', 'manager', 'rep', 'aftersales', 'aftersales_manager'],
  'member.set_availability.other': ['admin', 'director', 'manager'],
  'member.see_phone': ['admin', 'director', 'manager'],
  'token.issue': ['admin'],
  'token.issue_own': ['admin', 'director', 'manager', 'rep', 'aftersales', 'aftersales_manager'],
  'member.offboard': ['admin'],
  'lead.create': ['admin', 'director', 'manager'],
  'lead.read_all': ['admin', 'director', 'manager'],
  'lead.read_org': ['admin', 'director'],
  'lead.assign': ['admin', 'director', 'manager'],
  'lead.read': ['admin', 'director', 'manager', 'rep'],
  'lead.claim': ['manager', 'rep'],
  'lead.release': ['manager', 'rep'],
  'lead.set_deadline': ['admin', 'director'],
  'lead.follow_up': ['manager', 'rep'],
  'follow_up.record_for_owner': ['admin', 'director'],
  'lead.decide_release': ['admin', 'director'],
  'pool.view': ['admin', 'director', 'manager', 'rep'],
  'routing.read': ['admin', 'director', 'manager'],
  'routing.configure': ['admin'],
  'complaint.raise': ['admin', 'director', 'manager', 'rep', 'aftersales', 'aftersales_manager'],
  'complaint.read_all': ['admin', 'director', 'aftersales_manager'],
  'complaint.assign': ['admin', 'aftersales_manager'],
  'task.approve': ['admin', 'aftersales_manager'],
  'task.read_all': ['admin', 'director', 'aftersales_manager'],
  'task.work': ['aftersales', 'aftersales_manager'],
  'task.work_any': ['admin'],
  'after_sales.figures': ['admin', 'director', 'aftersales_manager'],
  'order.create': ['admin', 'director', 'manager', 'aftersales_manager'],
  'order.create_any_owner': ['admin', 'director', 'aftersales_manager'],
  'report.read_org': ['admin', 'director'],
  'report.read_team': ['manager'],
  'report.read_own': ['rep'],
  'report.after_sales': ['admin', 'director', 'aftersales_manager'],
  'campaign.set_cost': ['admin', 'director'],
  'backup.manage': ['admin'],
  'audit.read': ['admin'],
  'export.leads': ['admin', 'director', 'manager', 'rep'],
  'export.follow_ups': ['admin', 'director', 'manager', 'rep'],
  'export.customers': ['admin', 'director', 'manager', 'rep', 'aftersales_manager'],
  'export.orders': ['admin', 'director', 'manager', 'rep', 'aftersales_manager'],
  'export.complaints': ['admin', 'director', 'manager', 'rep', 'aftersales', 'aftersales_manager'],
  'export.tasks': ['admin', 'director', 'aftersales', 'aftersales_manager'],
};
const ACTIONS = Object.keys(EXPECTED) as Action[];

const actorWith = (roles: readonly Role[]): Caller => ({
  org: makeOrg(),
  roles,
  locale: 'zh-CN',
  kind: 'member',
});

const thrown = (fn: () => void): unknown => {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
};

describe('permissions', () => {
  it.each(ACTIONS.flatMap((action) => ROLES.map((role) => [action, role] as const)))(
    'answers can(%s) for a lone %s as the policy table says',
    (action, role) => {
      const expected = EXPECTED[action].includes(role);
      expect(can(actorWith([role]), action)).toBe(expected);
      if (expected) expect(() => assertCan(actorWith([role]), action)).not.toThrow();
      else expect(() => assertCan(actorWith([role]), action)).toThrow(DomainError);
    },
  );

  it('lists the allowed roles of every action as the policy table says', () => {
    for (const action of ACTIONS)
      expect([...rolesAllowed(action)].sort()).toEqual([...EXPECTED[action]].sort());
  });

  it('lets a rep set their own availability but refuses another member with FORBIDDEN naming the action', () => {
    const rep = memberCaller(makeOrg(), makeMember('rep-1', { roles: ['rep'] }), 'zh-CN');
    expect(can(rep, 'member.set_availability.self')).toBe(true);
    expect(() => assertCan(rep, 'member.set_availability.self')).not.toThrow();
    const error = thrown(() => assertCan(rep, 'member.set_availability.other'));
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({
      code: 'FORBIDDEN',
      details: { action: 'member.set_availability.other', roles: ['rep'] },
    });
  });

  it('lets a manager set another member’s availability', () => {
    const manager = memberCaller(makeOrg(), makeMember('mgr-1', { roles: ['manager'] }), 'zh-CN');
    expect(can(manager, 'member.set_availability.other')).toBe(true);
    expect(() => assertCan(manager, 'member.set_availability.other')).not.toThrow();
  });

  it('allows an action when any one of several roles allows it', () => {
    const both = actorWith(['aftersales', 'manager']);
    expect(can(both, 'member.see_phone')).toBe(true);
    expect(can(actorWith(['aftersales', 'rep']), 'member.see_phone')).toBe(false);
  });

  it('refuses everything to an actor without roles', () => {
    for (const action of ACTIONS) expect(can(actorWith([]), action)).toBe(false);
  });

  it("lets the system actor do what an admin may (claiming and releasing are a rep's own acts)", () => {
    const system = systemCaller(makeOrg(), 'en');
    for (const action of ACTIONS) expect(can(system, action)).toBe(EXPECTED[action].includes('admin'));
    expect(can(system, 'lead.create')).toBe(true);
    expect(can(system, 'lead.claim')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { complaintScope, taskScope } from '../../../src/core/after-sales/after-sales-access.js';
import { leadScope } from '../../../src/core/leads/lead-access.js';
import { memberCaller, systemCaller } from '../../../src/core/org/caller.js';
import { ACTIONS, assertCan } from '../../../src/core/org/permissions.js';
import { permissionsMatrix } from '../../../src/core/org/permissions-matrix.js';
import { makeMember, makeOrg, TEAM_ID } from '../fakes.js';

const org = makeOrg();
const TEAMMATE = makeMember('00000000000000000000beef', { roles: ['rep'], teamId: TEAM_ID });
const matrix = permissionsMatrix(systemCaller(org));

describe('the permissions matrix', () => {
  // Generated from the matrix: a new action or role gets its cells checked without anyone writing a case.
  for (const row of matrix.roles) {
    const who = memberCaller(
      org,
      makeMember(`0000000000000000000${row.role.length}aaaa`, { roles: [row.role], teamId: TEAM_ID }),
      'zh-CN',
    );
    it(`${row.role}: every action's cell is what the guard decides`, () => {
      expect(Object.keys(row.actions).sort()).toEqual([...ACTIONS].sort());
      for (const action of ACTIONS) {
        const allowed = (() => {
          try {
            assertCan(who, action);
            return true;
          } catch {
            return false;
          }
        })();
        expect({ action, allowed }).toEqual({ action, allowed: row.actions[action] });
      }
    });
    it(`${row.role}: the scope shown is the one the readers apply`, () => {
      expect(leadScope(who).kind).toBe(row.scope.leads);
      // A teammate in the member list: a `team` reach takes in their customers too, an `own_customers` one does not.
      const complaints = complaintScope(who, [TEAMMATE]);
      expect(
        complaints === undefined
          ? 'none'
          : complaints.assigneeId
            ? 'own_tasks'
            : complaints.customerOwnerIds
              ? complaints.customerOwnerIds.includes(TEAMMATE.id)
                ? 'team'
                : 'own_customers'
              : 'all',
      ).toBe(row.scope.complaints);
      const tasks = (() => {
        try {
          return 'assigneeId' in taskScope(who) ? 'own' : 'all';
        } catch {
          return 'none';
        }
      })();
      if (row.scope.tasks !== 'none') expect(tasks).toBe(row.scope.tasks);
    });
  }
  it('says what the intern level takes away', () => {
    expect(matrix.intern).toEqual({ seePhone: false, importantLeads: false });
  });
});

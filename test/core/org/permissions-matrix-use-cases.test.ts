import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCaller } from '../../../src/core/org/caller.js';
import { ACTIONS, type Action } from '../../../src/core/org/permissions.js';
import { permissionsMatrix, type RoleRow } from '../../../src/core/org/permissions-matrix.js';
import { ROLES, type Role } from '../../../src/core/org/types.js';
import { DomainError } from '../../../src/core/shared/errors.js';
import { makeOrg } from '../fakes.js';
import { type Outcome, PROBES } from './matrix-probes.js';
import { listedFor, promisedFor, type ScopeFixtures, seedScopeFixtures } from './matrix-scopes.js';
import { type MatrixWorld, matrixWorld } from './matrix-world.js';

// Every cell of GET /api/v1/permissions against what the real use-case does for a member of that role, on the dev
// database: the matrix is generated from the policy, so this is what keeps it honest about the product.

/** The codes a use-case refuses with, beside FORBIDDEN, where it says so in the caller's own terms. */
const REFUSALS = new Set(['FORBIDDEN', 'TASK_NOT_YOURS', 'COMPLAINT_ASSIGN_NOT_MANAGER']);

/**
 * The cell a probe's outcome is compared with: the action's own, except for working one's own task, which an admin's
 * integration does through `task.work_any` (any task, so its own too).
 */
const expected = (row: RoleRow, action: Action): boolean =>
  action === 'task.work' ? row.actions['task.work'] || row.actions['task.work_any'] : row.actions[action];

let w: MatrixWorld;
let fixtures: ScopeFixtures;
beforeAll(async () => {
  w = await matrixWorld();
  fixtures = await seedScopeFixtures(w);
}, 120_000);
afterAll(async () => {
  await w?.close();
});

async function outcomeOf(role: Role, action: Action): Promise<Outcome> {
  try {
    const said = await PROBES[action](w, role, w.people[role], w.caller(role));
    return said === 'refused' ? 'refused' : 'allowed';
  } catch (error) {
    if (error instanceof DomainError && REFUSALS.has(error.code)) return 'refused';
    throw new Error(
      `${role} × ${action}: ${error instanceof DomainError ? `${error.code} ${JSON.stringify(error.details)}` : String(error)}`,
    );
  }
}

describe('the permissions matrix, cell by cell, against the use-cases', () => {
  const matrix = permissionsMatrix(systemCaller(makeOrg()));
  it('has a row per role and a cell per action of the policy', () => {
    expect(matrix.roles.map((r) => r.role)).toEqual([...ROLES]);
    for (const row of matrix.roles) expect(Object.keys(row.actions).sort()).toEqual([...ACTIONS].sort());
  });
  // First, before the action probes add records of their own to the lists.
  for (const role of ROLES) {
    it(`${role}: each list returns the records its scope cell promises`, async () => {
      const row = matrix.roles.find((r) => r.role === role) as RoleRow;
      expect(await listedFor(w, fixtures, role)).toEqual(promisedFor(fixtures, row));
    });
  }
  for (const role of ROLES) {
    it(`${role}: every action's use-case allows or refuses as the matrix says`, async () => {
      const row = matrix.roles.find((r) => r.role === role) as RoleRow;
      const got: Record<string, Outcome> = {};
      const want: Record<string, Outcome> = {};
      for (const action of ACTIONS) {
        got[action] = await outcomeOf(role, action);
        want[action] = expected(row, action) ? 'allowed' : 'refused';
      }
      expect(got).toEqual(want);
    }, 120_000);
  }
});

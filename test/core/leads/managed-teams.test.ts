import { describe, expect, it } from 'vitest';
import { canManageLead, canSeeLead, leadScope } from '../../../src/core/leads/lead-access.js';
import { listLeads } from '../../../src/core/leads/list-leads.js';
import { managedTeamIdsOf, memberCaller } from '../../../src/core/org/caller.js';
import { assignLead } from '../../../src/core/pools/assign-lead.js';
import { teamId } from '../../../src/core/shared/ids.js';
import { makeMember, makeTeam, TEAM_ID } from '../fakes.js';
import { leadWorld, MANAGER, REP_A } from '../lead-world.js';

// A manager's scope is their own team and every team whose Team.managerId they are (a manager may run two).

const TEAM_2 = teamId('team-2');
const TEAM_3 = teamId('team-3');
const REP_2 = makeMember('00000000000000000000c0f2', { name: '周敏', teamId: TEAM_2 });

describe('a manager of two teams', () => {
  it('takes the teams they manage from Team.managerId, and only when they are a manager', () => {
    const teams = [
      makeTeam({ managerId: MANAGER.id }),
      makeTeam({ id: TEAM_2, managerId: MANAGER.id }),
      makeTeam({ id: TEAM_3, managerId: REP_A.id }),
    ];
    expect(managedTeamIdsOf(teams, MANAGER)).toEqual([TEAM_ID, TEAM_2]);
    expect(managedTeamIdsOf(teams, REP_A)).toEqual([]);
  });

  it('sees, lists in one query and moves the leads of both teams, not a third', async () => {
    const w = leadWorld({ members: [REP_A, MANAGER, REP_2] });
    const caller = memberCaller(w.org, MANAGER, 'zh-CN', [TEAM_2]);
    expect(leadScope(caller)).toMatchObject({ kind: 'team', teamIds: [TEAM_ID, TEAM_2] });
    const ours = await w.store({ contact: {} });
    const second = await w.store({ contact: {}, teamId: TEAM_2 });
    const third = await w.store({ contact: {}, teamId: TEAM_3 });
    expect([ours, second, third].map((l) => canSeeLead(caller, l))).toEqual([true, true, false]);
    expect([ours, second, third].map((l) => canManageLead(caller, l))).toEqual([true, true, false]);
    // Without the managed team, the same manager sees only their own team's (the behaviour before).
    expect(canSeeLead(w.as(MANAGER), second)).toBe(false);
    const queries: unknown[] = [];
    const leads = new Proxy(w.leads, {
      get: (t, p) =>
        p === 'list'
          ? (org: never, q: never) => {
              queries.push(q);
              return t.list(org, q);
            }
          : Reflect.get(t, p),
    });
    const listed = await listLeads({ ...w.deps, leads }, caller, { query: {} });
    expect(listed.map((l) => l.id).sort()).toEqual([ours.id, second.id].sort());
    expect(queries).toEqual([expect.objectContaining({ teamIds: [TEAM_ID, TEAM_2] })]);
    const moved = await assignLead(w.deps, caller, { leadId: second.id, to: '周敏' });
    expect(moved.ownerId).toBe(REP_2.id);
  });
});

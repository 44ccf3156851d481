import { describe, expect, it } from 'vitest';
import { explainAssignment } from '../../../src/core/leads/explain-assignment.js';
import { getLead } from '../../../src/core/leads/get-lead.js';
import { canSeeAssignment, canSeeLead } from '../../../src/core/leads/lead-access.js';
import { listLeads } from '../../../src/core/leads/list-leads.js';
import { listMyLeads } from '../../../src/core/leads/list-my-leads.js';
import { showLead } from '../../../src/core/leads/show-lead.js';
import { apiCaller } from '../../../src/core/org/caller.js';
import { listPoolLeads } from '../../../src/core/pools/list-pool-leads.js';
import { teamId } from '../../../src/core/shared/ids.js';
import { makeMember, TEAM_ID } from '../fakes.js';
import { DIRECTOR, leadWorld, MANAGER, REP_A, REP_B, refusal } from '../lead-world.js';

describe('who may see a lead', () => {
  it('shows managers their own team’s leads, directors every lead, a member their own and their team’s pool', async () => {
    const w = leadWorld();
    const mine = await w.store({ status: 'claimed', ownerId: REP_A.id });
    const teamPool = await w.store({ contact: {} });
    const otherPool = await w.store({ contact: {}, teamId: teamId('team-2') });
    expect([mine, teamPool, otherPool].map((l) => canSeeLead(w.as(REP_A), l))).toEqual([true, true, false]);
    expect([mine, teamPool, otherPool].map((l) => canSeeLead(w.as(REP_B), l))).toEqual([false, true, false]);
    // Issue #11: a manager no longer sees another team's leads; directors (and admin API tokens) see all.
    expect([mine, otherPool].map((l) => canSeeLead(w.as(MANAGER), l))).toEqual([true, false]);
    expect([mine, otherPool].map((l) => canSeeLead(w.as(DIRECTOR), l))).toEqual([true, true]);
    expect(canSeeLead(apiCaller(w.org, ['manager']), otherPool)).toBe(true);
    expect(canSeeLead(apiCaller(w.org, ['rep']), teamPool)).toBe(false);
  });

  it('explains an assignment to its owner, to the member routing picked, and to managers', async () => {
    const w = leadWorld();
    const assignment = {
      ruleId: 'r',
      ruleName: 'r',
      strategy: 'round_robin' as const,
      reason: 'rule_matched' as const,
      teamId: TEAM_ID,
      ownerId: REP_B.id,
      teamSize: 2,
      skipped: [],
      at: new Date(),
    };
    const lead = await w.store({ status: 'claimed', ownerId: REP_A.id, assignment });
    expect([REP_A, REP_B, MANAGER].map((m) => canSeeAssignment(w.as(m), lead))).toEqual([true, true, true]);
    const { names } = await explainAssignment(w.deps, w.as(REP_B), { leadId: lead.id });
    expect(names.get(REP_A.id)).toBe(REP_A.name);
    const outsider = makeMember('00000000000000000000c009');
    expect(await refusal(explainAssignment(w.deps, w.as(outsider), { leadId: lead.id }))).toMatchObject({
      code: 'FORBIDDEN',
      details: { action: 'lead.read_all' },
    });
  });

  it('reads a lead for chat by the rule above, and for the API only with lead.read_all, before looking it up', async () => {
    const w = leadWorld();
    const lead = await w.store({ status: 'claimed', ownerId: REP_A.id });
    expect((await showLead(w.deps, w.as(REP_A), { leadId: lead.id })).id).toBe(lead.id);
    expect((await refusal(showLead(w.deps, w.as(REP_B), { leadId: lead.id }))).code).toBe('FORBIDDEN');
    expect((await refusal(showLead(w.deps, w.as(REP_B), { leadId: w.leads.newId() }))).code).toBe(
      'LEAD_NOT_FOUND',
    );
    expect((await getLead(w.deps, apiCaller(w.org, ['manager']), { leadId: lead.id })).id).toBe(lead.id);
    expect(
      (await refusal(getLead(w.deps, apiCaller(w.org, ['rep']), { leadId: w.leads.newId() }))).code,
    ).toBe('FORBIDDEN');
  });

  it('reads one lead by id only within the caller’s scope: a manager their teams’, not another team’s', async () => {
    const w = leadWorld();
    const ours = await w.store({ status: 'claimed', ownerId: REP_A.id });
    const theirs = await w.store({ contact: {}, teamId: teamId('team-2') });
    expect((await getLead(w.deps, w.as(MANAGER), { leadId: ours.id })).id).toBe(ours.id);
    expect((await refusal(getLead(w.deps, w.as(MANAGER), { leadId: theirs.id }))).code).toBe('FORBIDDEN');
    expect((await getLead(w.deps, w.as(DIRECTOR), { leadId: theirs.id })).id).toBe(theirs.id);
  });

  it('lists my open leads and my team’s pool', async () => {
    const w = leadWorld();
    const mine = await w.store({ status: 'assigned', ownerId: REP_A.id });
    await w.store({ status: 'claimed', ownerId: REP_B.id, contact: {} });
    const pooled = await w.store({ contact: {} });
    await w.store({ contact: {}, teamId: teamId('team-2') });
    expect((await listMyLeads(w.deps, w.as(REP_A), { limit: 20 })).map((l) => l.id)).toEqual([mine.id]);
    expect((await listPoolLeads(w.deps, w.as(REP_A), { limit: 10 })).map((l) => l.id)).toEqual([pooled.id]);
  });

  it('lists a manager their own team’s leads in the query itself, and a director every team’s', async () => {
    const w = leadWorld();
    const ours = await w.store({ status: 'claimed', ownerId: REP_A.id });
    const theirs = await w.store({ contact: {}, teamId: teamId('team-2') });
    const ids = async (m: typeof MANAGER, query: object = {}) =>
      (await listLeads(w.deps, w.as(m), { query })).map((l) => l.id);
    expect(await ids(MANAGER)).toEqual([ours.id]);
    expect(await ids(MANAGER, { team: '0000000000000000000000ff' })).toEqual([]);
    expect(await ids(DIRECTOR)).toEqual([theirs.id, ours.id]);
    // The repository was asked for the manager's teams (`teamId $in`), not everything filtered afterwards.
    const asked: unknown[] = [];
    const spy = {
      ...w.deps,
      leads: {
        ...w.leads,
        list: (o: never, q: never) => {
          asked.push(q);
          return w.leads.list(o, q);
        },
      },
    };
    await listLeads(spy as never, w.as(MANAGER), { query: {} });
    expect(asked).toMatchObject([{ teamIds: [TEAM_ID] }]);
  });
});

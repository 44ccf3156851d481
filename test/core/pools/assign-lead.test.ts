import { describe, expect, it } from 'vitest';
import { assignLead } from '../../../src/core/pools/assign-lead.js';
import { teamId } from '../../../src/core/shared/ids.js';
import { localDay } from '../../../src/core/shared/local-day.js';
import { makeMember } from '../fakes.js';
import { AT, DIRECTOR, leadWorld, MANAGER, REP_A, REP_B, refusal } from '../lead-world.js';

// Moving a lead by hand: who may, to whom, within which limits, and what the history says.

describe('assignLead', () => {
  it('lets a manager move a team lead by code to a member named as typed, with the reason in the history', async () => {
    const w = leadWorld();
    const lead = await w.store({ status: 'claimed', ownerId: REP_A.id, ownerName: REP_A.name });
    const moved = await assignLead(w.deps, w.as(MANAGER), {
      leadId: lead.code!,
      to: '李娜',
      reason: '客户指定，',
    });
    expect(moved).toMatchObject({
      status: 'assigned',
      ownerId: REP_B.id,
      ownerName: '李娜',
      followUpStatus: 'unfollowed',
    });
    expect(moved.history.at(-1)).toMatchObject({
      type: 'reassigned',
      actorId: MANAGER.id,
      fromOwnerId: REP_A.id,
      ownerId: REP_B.id,
      reason: { kind: 'typed', text: '客户指定，' },
    });
    expect(moved.assignment).toMatchObject({ reason: 'manual', ownerId: REP_B.id });
    expect(w.roster.stateOf(REP_B.id).open).toBe(1);
    expect(w.notifier.published.length).toBeGreaterThan(0);
  });

  it('sends a lead back to the pool, owner and clock cleared', async () => {
    const w = leadWorld();
    const lead = await w.store({ status: 'assigned', ownerId: REP_A.id, dueStep: 'nudge', dueAt: AT });
    const pooled = await assignLead(w.deps, w.as(DIRECTOR), { leadId: lead.id, to: 'pool' });
    expect(pooled.status).toBe('pooled');
    expect(pooled.ownerId).toBeUndefined();
    expect(pooled.dueAt).toBeUndefined();
  });

  it('refuses reps, another team’s lead to a manager, and a member of another team', async () => {
    const other = makeMember('00000000000000000000c0ff', { name: '外组', teamId: teamId('team-2') });
    const w = leadWorld({ members: [REP_A, REP_B, MANAGER, DIRECTOR, other] });
    const ours = await w.store();
    const theirs = await w.store({ contact: {}, teamId: teamId('team-2') });
    expect((await refusal(assignLead(w.deps, w.as(REP_A), { leadId: ours.id, to: '李娜' }))).code).toBe(
      'FORBIDDEN',
    );
    expect((await refusal(assignLead(w.deps, w.as(MANAGER), { leadId: theirs.id, to: '外组' }))).code).toBe(
      'FORBIDDEN',
    );
    expect((await refusal(assignLead(w.deps, w.as(MANAGER), { leadId: ours.id, to: '外组' }))).code).toBe(
      'FORBIDDEN',
    );
    expect((await refusal(assignLead(w.deps, w.as(MANAGER), { leadId: ours.id, to: '无此人' }))).code).toBe(
      'MEMBER_NOT_FOUND',
    );
    expect((await assignLead(w.deps, w.as(DIRECTOR), { leadId: theirs.id, to: '张伟' })).teamId).toBe(
      REP_A.teamId,
    );
  });

  it('respects the daily cap unless a director forces it, and only a director may force', async () => {
    const w = leadWorld();
    w.roster.add(REP_B, { day: localDay(AT, w.org.settings.timeZone), today: 10 });
    const lead = await w.store();
    const refused = await refusal(assignLead(w.deps, w.as(MANAGER), { leadId: lead.id, to: '李娜' }));
    expect(refused).toMatchObject({ code: 'ASSIGNEE_NOT_ELIGIBLE', details: { why: 'at_daily_cap' } });
    expect(
      (await refusal(assignLead(w.deps, w.as(MANAGER), { leadId: lead.id, to: '李娜', force: true }))).code,
    ).toBe('FORBIDDEN');
    expect(
      (await assignLead(w.deps, w.as(DIRECTOR), { leadId: lead.id, to: '李娜', force: true })).ownerId,
    ).toBe(REP_B.id);
  });

  it('reports a lead that moved meanwhile instead of overwriting it, and gives the turn back', async () => {
    const w = leadWorld();
    const lead = await w.store();
    const [a, b] = await Promise.allSettled([
      assignLead(w.deps, w.as(MANAGER), { leadId: lead.id, to: '张伟' }),
      assignLead(w.deps, w.as(DIRECTOR), { leadId: lead.id, to: '李娜' }),
    ]);
    expect([a.status, b.status].sort()).toEqual(['fulfilled', 'rejected']);
    const loser = a.status === 'rejected' ? a : (b as PromiseRejectedResult);
    expect((loser.reason as { code: string }).code).toBe('CONFLICT');
    const owner = (await w.leads.get(w.org.id, lead.id))!.ownerId!;
    const other = owner === REP_A.id ? REP_B.id : REP_A.id;
    expect([w.roster.stateOf(owner).open, w.roster.stateOf(other).open ?? 0]).toEqual([1, 0]);
  });
});

import { describe, expect, it } from 'vitest';
import { apiCaller } from '../../../src/core/org/caller.js';
import { claimLead } from '../../../src/core/pools/claim-lead.js';
import { teamId } from '../../../src/core/shared/ids.js';
import { AT, DIRECTOR, HOUR, leadWorld, MANAGER, REP_A, REP_B, refusal } from '../lead-world.js';

describe('claimLead', () => {
  it('gives a pooled team lead to the claimer with a fresh clock, counts it in their pool and tells the team', async () => {
    const w = leadWorld();
    const lead = await w.store();
    const claimed = await claimLead(w.deps, w.as(REP_A), { leadId: lead.id });
    expect(claimed).toMatchObject({
      status: 'claimed',
      ownerId: REP_A.id,
      ownerName: REP_A.name,
      followUpStatus: 'unfollowed',
      dueStep: 'nudge',
      version: 2,
    });
    // The ladder is core's: nudge, manager copy and reclaim after 24, 36 and 48 hours from the claim.
    expect([claimed.nudgeAt, claimed.managerAt, claimed.reclaimAt, claimed.dueAt]).toEqual([
      new Date(AT.getTime() + 24 * HOUR),
      new Date(AT.getTime() + 36 * HOUR),
      new Date(AT.getTime() + 48 * HOUR),
      new Date(AT.getTime() + 24 * HOUR),
    ]);
    expect(claimed.history.at(-1)).toMatchObject({ type: 'claimed', actorId: REP_A.id, at: AT });
    expect(w.roster.stateOf(REP_A.id)).toMatchObject({ open: 1, poolClaims: 1, poolDay: '2026-03-02' });
    expect(w.notifier.notices().map((n) => n.kind)).toContain('lead.card');
  });

  it('keeps the deadline an assigned lead’s card showed when its owner claims it', async () => {
    const w = leadWorld();
    const dueAt = new Date(AT.getTime() + 5 * HOUR);
    const lead = await w.store({ status: 'assigned', ownerId: REP_A.id, dueStep: 'nudge', dueAt });
    const claimed = await claimLead(w.deps, w.as(REP_A), { leadId: lead.id });
    expect(claimed).toMatchObject({ status: 'claimed', dueAt, claimedAt: AT });
    expect(w.roster.stateOf(REP_A.id).open).toBeUndefined();
  });

  it('changes nothing when the winner clicks again', async () => {
    const w = leadWorld();
    const lead = await w.store();
    await claimLead(w.deps, w.as(REP_A), { leadId: lead.id });
    const again = await claimLead(w.deps, w.as(REP_A), { leadId: lead.id });
    expect(again.version).toBe(2);
    expect(w.leads.writes).toHaveLength(1);
  });

  it('gives a pool lead to exactly one of 24 simultaneous claims; the others are told who has it and keep their slots', async () => {
    const w = leadWorld({ reps: 24 });
    const lead = await w.store();
    const outcomes = await Promise.allSettled(
      w.members.map((m) => claimLead(w.deps, w.as(m), { leadId: lead.id })),
    );
    const won = outcomes.filter((o) => o.status === 'fulfilled');
    expect(won).toHaveLength(1);
    const winner = (won[0] as PromiseFulfilledResult<{ ownerName?: string }>).value.ownerName;
    for (const o of outcomes.filter((x) => x.status === 'rejected')) {
      expect((o as PromiseRejectedResult).reason).toMatchObject({
        code: 'LEAD_ALREADY_CLAIMED',
        details: { ownerName: winner },
      });
    }
    const open = w.members.map((m) => w.roster.stateOf(m.id).open ?? 0);
    expect(open.reduce((a, b) => a + b, 0)).toBe(1);
    const claimsToday = w.members.map((m) => w.roster.stateOf(m.id).poolClaims ?? 0);
    expect(claimsToday.reduce((a, b) => a + b, 0)).toBe(1);
    expect(w.leads.writes).toHaveLength(1);
  });

  it('refuses another team’s pool lead, a cooldown, a full private pool and the day’s last claim, saying which', async () => {
    const w = leadWorld({ settings: { poolClaimsPerDay: { intern: 1, junior: 1, senior: 1 } } });
    const other = await w.store({ teamId: teamId('team-2') });
    expect((await refusal(claimLead(w.deps, w.as(REP_A), { leadId: other.id }))).code).toBe(
      'LEAD_NOT_IN_YOUR_TEAM',
    );
    const until = new Date(AT.getTime() + HOUR);
    const cooled = await w.store({ cooldowns: [{ memberId: REP_A.id, until }] });
    expect(await refusal(claimLead(w.deps, w.as(REP_A), { leadId: cooled.id }))).toMatchObject({
      code: 'CLAIM_COOLDOWN',
      details: { until: until.toISOString(), timeZone: 'Asia/Shanghai' },
    });
    await claimLead(w.deps, w.as(REP_A), { leadId: (await w.store({ contact: {} })).id });
    const limited = await refusal(
      claimLead(w.deps, w.as(REP_A), { leadId: (await w.store({ contact: {} })).id }),
    );
    // Tomorrow starts at midnight in Shanghai: 16:00 UTC.
    expect(limited).toMatchObject({
      code: 'POOL_CLAIM_LIMIT',
      details: { limit: 1, until: '2026-03-02T16:00:00.000Z' },
    });
    const full = leadWorld({ members: [{ ...REP_B, poolCapacity: 0 }] });
    const lead = await full.store();
    expect(
      await refusal(claimLead(full.deps, full.as({ ...REP_B, poolCapacity: 0 }), { leadId: lead.id })),
    ).toMatchObject({ code: 'PRIVATE_POOL_FULL', details: { capacity: 0 } });
  });

  it('refuses a lead assigned to someone else, a duplicate, and callers who may not claim', async () => {
    const w = leadWorld();
    const assigned = await w.store({ status: 'assigned', ownerId: REP_B.id, ownerName: REP_B.name });
    expect(await refusal(claimLead(w.deps, w.as(REP_A), { leadId: assigned.id }))).toMatchObject({
      code: 'LEAD_ASSIGNED_TO_OTHER',
      details: { ownerName: REP_B.name },
    });
    const duplicate = await w.store({ status: 'duplicate', duplicateOf: assigned.id });
    expect((await refusal(claimLead(w.deps, w.as(MANAGER), { leadId: duplicate.id }))).code).toBe(
      'LEAD_IS_DUPLICATE',
    );
    const pooled = await w.store({ contact: {} });
    expect((await refusal(claimLead(w.deps, w.as(DIRECTOR), { leadId: pooled.id }))).code).toBe('FORBIDDEN');
    // An API token may hold a rep's role, but a claim is a member's own act.
    expect((await refusal(claimLead(w.deps, apiCaller(w.org, ['rep']), { leadId: pooled.id }))).code).toBe(
      'FORBIDDEN',
    );
    expect(w.leads.writes).toHaveLength(0);
  });
});

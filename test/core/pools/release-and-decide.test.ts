import { describe, expect, it } from 'vitest';
import { recordFollowUp } from '../../../src/core/follow-ups/record-follow-up.js';
import { decideRelease } from '../../../src/core/pools/decide-release.js';
import { releaseLead } from '../../../src/core/pools/release-lead.js';
import { AT, DIRECTOR, HOUR, leadWorld, MANAGER, REP_A, REP_B, refusal } from '../lead-world.js';

const owned = {
  status: 'claimed' as const,
  ownerId: REP_A.id,
  ownerName: REP_A.name,
  dueStep: 'nudge' as const,
};

describe('releaseLead', () => {
  it('puts a normal lead back in the pool at once, frees the slot and bars the owner for the cooldown', async () => {
    const w = leadWorld();
    w.roster.add(REP_A, { open: 1 });
    const lead = await w.store({ ...owned, dueAt: AT });
    const released = await releaseLead(w.deps, w.as(REP_A), { leadId: lead.id, reason: '客户不需要' });
    expect(released).toMatchObject({ status: 'pooled', version: 2 });
    expect(released.ownerId).toBeUndefined();
    expect(released.dueAt).toBeUndefined();
    expect(released.cooldowns).toEqual([{ memberId: REP_A.id, until: new Date(AT.getTime() + 24 * HOUR) }]);
    expect(released.history.at(-1)).toMatchObject({
      type: 'released',
      reason: { kind: 'typed', text: '客户不需要' },
      release: { type: 'manual', approval: 'auto', originalOwnerId: REP_A.id },
    });
    expect(w.roster.stateOf(REP_A.id).open).toBe(0);
  });

  it('keeps an important lead with its owner, clock stopped, and offers the director the other reps', async () => {
    const w = leadWorld();
    const lead = await w.store({ ...owned, grade: 'important', dueAt: AT });
    const pending = await releaseLead(w.deps, w.as(REP_A), { leadId: lead.id, reason: '客户要求换人' });
    expect(pending).toMatchObject({ status: 'claimed', ownerId: REP_A.id });
    expect(pending.dueStep).toBeUndefined();
    expect(pending.pendingRelease?.approval).toBe('pending');
    expect(pending.pendingRelease?.candidates.map((c) => c.memberId)).toEqual([REP_B.id]);
    // In the team channel under the lead's own card, and to the directors (each by DM), with one card key.
    const approvals = w.notifier.notices().filter((n) => n.kind === 'lead.approval');
    expect(approvals.map((n) => n.to)).toEqual([
      { kind: 'thread', teamId: lead.teamId, threadKey: `lead:${lead.id}` },
      { kind: 'directors' },
    ]);
    expect(new Set(approvals.map((n) => n.cardKey)).size).toBe(1);
    expect(
      (await refusal(releaseLead(w.deps, w.as(REP_A), { leadId: lead.id, reason: '再来一次' }))).code,
    ).toBe('LEAD_NOT_RELEASABLE');
  });

  it('refuses someone else’s lead, a missing reason, and a lead changed since it was read', async () => {
    const w = leadWorld();
    const lead = await w.store({ ...owned, dueAt: AT });
    expect(
      (await refusal(releaseLead(w.deps, w.as(REP_B), { leadId: lead.id, reason: '不是我的' }))).code,
    ).toBe('LEAD_NOT_YOURS');
    expect((await refusal(releaseLead(w.deps, w.as(REP_A), { leadId: lead.id, reason: ' ' }))).code).toBe(
      'VALIDATION_FAILED',
    );
    // A follow-up and a release at the same instant: one conditional write each on the version read, one wins.
    // The follow-up reads the lead again after a lost write, so it then finds it released: not the rep's any more.
    const outcomes = await Promise.allSettled([
      releaseLead(w.deps, w.as(REP_A), { leadId: lead.id, reason: '客户不需要' }),
      recordFollowUp(w.deps, w.as(REP_A), {
        leadId: lead.id,
        channel: 'phone',
        content: '打过电话了',
        nextContactAt: new Date(AT.getTime() + 24 * HOUR),
      }),
    ]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const refused = outcomes.find((o) => o.status === 'rejected');
    expect(['CONFLICT', 'LEAD_NOT_YOURS']).toContain(
      (refused as { reason?: { code?: string } }).reason?.code,
    );
  });
});

describe('decideRelease', () => {
  async function pendingWorld() {
    const w = leadWorld();
    w.roster.add(REP_A, { open: 1 });
    const lead = await w.store({ ...owned, grade: 'important', dueAt: AT });
    await releaseLead(w.deps, w.as(REP_A), { leadId: lead.id, reason: '客户要求换人' });
    w.clock.advance(2 * HOUR);
    return { w, lead };
  }

  it('hands the lead to the chosen rep with a fresh clock, moving the private-pool slot', async () => {
    const { w, lead } = await pendingWorld();
    const decided = await decideRelease(w.deps, w.as(DIRECTOR), {
      leadId: lead.id,
      decision: { approveTo: REP_B.id },
    });
    const now = new Date(AT.getTime() + 2 * HOUR);
    expect(decided).toMatchObject({
      status: 'claimed',
      ownerId: REP_B.id,
      followUpStatus: 'unfollowed',
      dueStep: 'nudge',
      dueAt: new Date(now.getTime() + 24 * HOUR),
    });
    expect(decided.pendingRelease).toBeUndefined();
    expect(decided.history.at(-1)).toMatchObject({
      type: 'release_approved',
      actorId: DIRECTOR.id,
      release: { approval: 'approved', decidedBy: DIRECTOR.id, newOwnerId: REP_B.id },
    });
    expect([w.roster.stateOf(REP_A.id).open, w.roster.stateOf(REP_B.id).open]).toEqual([0, 1]);
  });

  it('keeps the lead with its owner on a fresh clock', async () => {
    const { w, lead } = await pendingWorld();
    const kept = await decideRelease(w.deps, w.as(DIRECTOR), { leadId: lead.id, decision: { keep: true } });
    expect(kept).toMatchObject({ ownerId: REP_A.id, dueStep: 'nudge', followUpStatus: 'unfollowed' });
    expect(kept.history.at(-1)).toMatchObject({ type: 'release_kept', release: { approval: 'kept' } });
  });

  it('lets only one of two directors deciding at once decide', async () => {
    const { w, lead } = await pendingWorld();
    const outcomes = await Promise.allSettled([
      decideRelease(w.deps, w.as(DIRECTOR), { leadId: lead.id, decision: { approveTo: REP_B.id } }),
      decideRelease(w.deps, w.as(DIRECTOR), { leadId: lead.id, decision: { keep: true } }),
    ]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    expect(outcomes.find((o) => o.status === 'rejected')).toMatchObject({
      reason: { code: 'RELEASE_NOT_PENDING' },
    });
  });

  it('refuses a manager, a rep not offered, and a lead with nothing pending', async () => {
    const { w, lead } = await pendingWorld();
    expect(
      (await refusal(decideRelease(w.deps, w.as(MANAGER), { leadId: lead.id, decision: { keep: true } })))
        .code,
    ).toBe('FORBIDDEN');
    const notOffered = decideRelease(w.deps, w.as(DIRECTOR), {
      leadId: lead.id,
      decision: { approveTo: MANAGER.id },
    });
    expect((await refusal(notOffered)).code).toBe('NOT_A_CANDIDATE');
    const plain = await w.store({ ...owned, contact: {} });
    expect(
      (await refusal(decideRelease(w.deps, w.as(DIRECTOR), { leadId: plain.id, decision: { keep: true } })))
        .code,
    ).toBe('RELEASE_NOT_PENDING');
  });
});

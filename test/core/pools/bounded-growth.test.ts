import { describe, expect, it } from 'vitest';
import { recordFollowUp } from '../../../src/core/follow-ups/record-follow-up.js';
import { HISTORY_LIMIT } from '../../../src/core/leads/lead-types.js';
import { claimLead } from '../../../src/core/pools/claim-lead.js';
import { decideRelease } from '../../../src/core/pools/decide-release.js';
import { releaseLead } from '../../../src/core/pools/release-lead.js';
import { AT, DIRECTOR, HOUR, leadWorld, REP_A, REP_B } from '../lead-world.js';

const owned = { status: 'claimed' as const, ownerId: REP_A.id, ownerName: REP_A.name };
const later = (hours: number) => new Date(AT.getTime() + hours * HOUR);

describe('a lead does not grow without bound', () => {
  it('removes expired cooldowns in the same write that adds one, and keeps the live ones', async () => {
    const w = leadWorld();
    const lead = await w.store({
      ...owned,
      cooldowns: [
        { memberId: REP_B.id, until: later(-1) },
        { memberId: DIRECTOR.id, until: later(5) },
        { memberId: REP_A.id, until: later(-30) },
      ],
    });
    const released = await releaseLead(w.deps, w.as(REP_A), { leadId: lead.id, reason: '客户不需要' });
    expect(released.cooldowns).toEqual([
      { memberId: DIRECTOR.id, until: later(5) },
      { memberId: REP_A.id, until: later(24) },
    ]);
    // One write did it: the release itself.
    expect(w.leads.writes).toHaveLength(1);
  });

  it('replaces the cooldown of a director’s hand-over, dropping the expired ones', async () => {
    const w = leadWorld();
    const lead = await w.store({
      ...owned,
      grade: 'important',
      cooldowns: [{ memberId: REP_B.id, until: later(-2) }],
    });
    await releaseLead(w.deps, w.as(REP_A), { leadId: lead.id, reason: '客户要求换人' });
    const decided = await decideRelease(w.deps, w.as(DIRECTOR), {
      leadId: lead.id,
      decision: { approveTo: REP_B.id },
    });
    expect(decided.ownerId).toBe(REP_B.id);
    expect(decided.cooldowns).toEqual([{ memberId: REP_A.id, until: later(24) }]);
  });

  it('keeps the newest HISTORY_LIMIT events of a busy lead and counts the dropped ones', async () => {
    const w = leadWorld();
    const lead = await w.store(owned);
    for (let i = 0; i < HISTORY_LIMIT + 4; i++)
      await recordFollowUp(w.deps, w.as(REP_A), {
        leadId: lead.id,
        channel: 'phone',
        content: `第 ${i} 次电话`,
        nextContactAt: later(24),
      });
    const after = await w.leads.get(w.org.id, lead.id);
    expect(after?.history).toHaveLength(HISTORY_LIMIT);
    // 1 intake event + 54 follow-ups = 55: 5 dropped, the newest kept.
    expect(after?.historyDropped).toBe(5);
    expect(after?.history.at(-1)?.reason).toEqual({ kind: 'typed', text: `第 ${HISTORY_LIMIT + 3} 次电话` });
    expect(after?.history[0]?.reason).toEqual({ kind: 'typed', text: '第 4 次电话' });
  });

  it('counts a claim’s event into the cap like any other write', async () => {
    const w = leadWorld();
    w.roster.add(REP_A);
    const history = Array.from({ length: HISTORY_LIMIT }, (_, n) => ({
      type: 'nudged' as const,
      at: later(n),
    }));
    const lead = await w.store({ history });
    const claimed = await claimLead(w.deps, w.as(REP_A), { leadId: lead.id });
    expect([claimed.history.length, claimed.historyDropped, claimed.history.at(-1)?.type]).toEqual([
      HISTORY_LIMIT,
      1,
      'claimed',
    ]);
  });
});

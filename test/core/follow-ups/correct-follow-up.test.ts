import { describe, expect, it } from 'vitest';
import { correctFollowUp } from '../../../src/core/follow-ups/correct-follow-up.js';
import { getFollowUp, listFollowUps } from '../../../src/core/follow-ups/list-follow-ups.js';
import { recordFollowUp } from '../../../src/core/follow-ups/record-follow-up.js';
import { apiCaller } from '../../../src/core/org/caller.js';
import { makeMember } from '../fakes.js';
import { AT, DIRECTOR, HOUR, MANAGER, REP_A, REP_B, refusal } from '../lead-world.js';
import { followUpWorld, PHONE_CALL } from './follow-up-world.js';

async function recorded() {
  const w = followUpWorld();
  const lead = await w.owned();
  const { followUp } = await recordFollowUp(w.deps, w.as(REP_A), { leadId: lead.id, ...PHONE_CALL });
  w.clock.advance(HOUR);
  return { w, lead, followUp };
}

describe('correctFollowUp', () => {
  it('adds a version: the change, who made it and when; the old version kept and marked superseded', async () => {
    const { w, followUp } = await recorded();
    const fixed = await correctFollowUp(w.deps, w.as(REP_A), {
      followUpId: followUp.id,
      outcome: 'no-answer',
      content: '其实没接通',
    });
    expect(fixed).toMatchObject({
      recordId: followUp.id,
      version: 2,
      channel: 'phone',
      outcome: 'no-answer',
      content: '其实没接通',
      authorId: REP_A.id,
      at: AT,
      correctedAt: new Date(AT.getTime() + HOUR),
      correctedById: REP_A.id,
      correctedByName: REP_A.name,
    });
    expect(fixed.supersededAt).toBeUndefined();
    const { followUp: newest, versions } = await getFollowUp(w.deps, w.as(REP_A), {
      followUpId: followUp.id,
    });
    expect(newest).toEqual(fixed);
    expect(versions.map((v) => [v.version, v.content, v.supersededAt])).toEqual([
      [1, '客户要报价单', new Date(AT.getTime() + HOUR)],
      [2, '其实没接通', undefined],
    ]);
  });

  it('moves the plan when the latest follow-up’s next contact is corrected; an older record’s correction does not', async () => {
    const { w, lead, followUp } = await recorded();
    const later = new Date(AT.getTime() + 72 * HOUR);
    const fixed = await correctFollowUp(w.deps, w.as(REP_A), {
      followUpId: followUp.id,
      nextContactAt: later,
    });
    const moved = await w.leads.get(w.org.id, lead.id);
    expect(moved?.plan?.nextContactAt).toEqual(later);
    expect(moved?.history.at(-1)?.type).toBe('follow_up_corrected');

    const { followUp: second } = await recordFollowUp(w.deps, w.as(REP_A), {
      leadId: lead.id,
      ...PHONE_CALL,
    });
    const planned = (await w.leads.get(w.org.id, lead.id))?.plan?.nextContactAt;
    await correctFollowUp(w.deps, w.as(REP_A), {
      followUpId: fixed.id,
      nextContactAt: new Date(AT.getTime() + 96 * HOUR),
    });
    expect((await w.leads.get(w.org.id, lead.id))?.plan?.nextContactAt).toEqual(planned);
    expect(second.recordId).not.toBe(followUp.recordId);
  });

  it('lets the author, the team’s manager, a director and an admin token correct; refuses another rep', async () => {
    const { w, lead, followUp } = await recorded();
    // A rep who cannot see the lead is refused as for the lead; once it is in their pool, as not their record.
    const hidden = await refusal(
      correctFollowUp(w.deps, w.as(REP_B), { followUpId: followUp.id, content: 'x' }),
    );
    expect(hidden.code).toBe('FORBIDDEN');
    const now = await w.leads.get(w.org.id, lead.id);
    await w.leads.updateIf(
      w.org.id,
      lead.id,
      { version: now!.version },
      {
        set: { status: 'pooled' },
        unset: ['ownerId', 'ownerName'],
        event: { type: 'released', at: AT },
      },
    );
    const refused = await refusal(
      correctFollowUp(w.deps, w.as(REP_B), { followUpId: followUp.id, content: 'x' }),
    );
    expect(refused.code).toBe('FOLLOW_UP_NOT_YOURS');
    const otherManager = makeMember('00000000000000000000c0ff', {
      name: '别组经理',
      roles: ['manager'],
      teamId: 'other' as never,
    });
    const notTheirs = await refusal(
      correctFollowUp(w.deps, w.as(otherManager), { followUpId: followUp.id, content: 'x' }),
    );
    expect(notTheirs.code).toBe('FORBIDDEN');
    let id = followUp.id;
    for (const caller of [w.as(MANAGER), w.as(DIRECTOR), apiCaller(w.org, ['admin'])]) {
      id = (await correctFollowUp(w.deps, caller, { followUpId: id, nextStep: `由 ${caller.roles[0]} 补充` }))
        .id;
    }
    const { versions } = await getFollowUp(w.deps, w.as(REP_A), { followUpId: id });
    expect(versions.map((v) => v.correctedById)).toEqual([undefined, MANAGER.id, DIRECTOR.id, undefined]);
  });

  it('refuses a superseded version, an empty change, a bad field and an unknown id', async () => {
    const { w, followUp } = await recorded();
    await correctFollowUp(w.deps, w.as(REP_A), { followUpId: followUp.id, content: '改过' });
    expect(
      (await refusal(correctFollowUp(w.deps, w.as(REP_A), { followUpId: followUp.id, content: '再改' })))
        .code,
    ).toBe('FOLLOW_UP_SUPERSEDED');
    const current = (await listFollowUps(w.deps, w.as(REP_A), { leadId: followUp.leadId }))[0]!;
    const empty = await refusal(correctFollowUp(w.deps, w.as(REP_A), { followUpId: current.id }));
    expect(empty.details).toMatchObject({ issues: [{ field: '(body)', problem: { kind: 'one_of' } }] });
    const past = await refusal(
      correctFollowUp(w.deps, w.as(REP_A), { followUpId: current.id, nextContactAt: new Date(AT.getTime()) }),
    );
    expect(past.details).toMatchObject({
      issues: [{ field: 'nextContactAt', problem: { kind: 'in_the_past' } }],
    });
    expect(
      (await refusal(correctFollowUp(w.deps, w.as(REP_A), { followUpId: 'nope', content: 'x' }))).code,
    ).toBe('FOLLOW_UP_NOT_FOUND');
  });

  it('two corrections of one version at once: one wins, the other is a CONFLICT', async () => {
    const { w, followUp } = await recorded();
    const outcomes = await Promise.allSettled([
      correctFollowUp(w.deps, w.as(REP_A), { followUpId: followUp.id, content: '甲' }),
      correctFollowUp(w.deps, w.as(MANAGER), { followUpId: followUp.id, content: '乙' }),
    ]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    expect(outcomes.find((o) => o.status === 'rejected')).toMatchObject({ reason: { code: 'CONFLICT' } });
    expect(
      w.followUps
        .all()
        .map((f) => f.version)
        .sort(),
    ).toEqual([1, 2]);
  });
});

describe('listFollowUps', () => {
  it('lists a lead’s records newest first, one per record or every version, for whoever sees the lead', async () => {
    const { w, lead, followUp } = await recorded();
    const second = await recordFollowUp(w.deps, w.as(REP_A), {
      leadId: lead.id,
      ...PHONE_CALL,
      content: '第二次',
    });
    const fixed = await correctFollowUp(w.deps, w.as(REP_A), { followUpId: followUp.id, content: '更正' });
    const current = await listFollowUps(w.deps, w.as(MANAGER), { leadId: lead.code ?? lead.id });
    expect(current.map((f) => f.id)).toEqual([second.followUp.id, fixed.id]);
    const all = await listFollowUps(w.deps, w.as(REP_A), { leadId: lead.id, versions: 'all' });
    expect(all.map((f) => f.id)).toEqual([second.followUp.id, fixed.id, followUp.id]);
    expect((await refusal(listFollowUps(w.deps, w.as(REP_B), { leadId: lead.id }))).code).toBe('FORBIDDEN');
  });

  it('shows a correction cut short before the old version was marked as the record’s newest version only', async () => {
    const { w, lead, followUp } = await recorded();
    w.followUps.supersede = async () => {
      throw new Error('connection lost');
    };
    await expect(
      correctFollowUp(w.deps, w.as(REP_A), { followUpId: followUp.id, content: '更正' }),
    ).rejects.toThrow();
    const current = await listFollowUps(w.deps, w.as(REP_A), { leadId: lead.id });
    expect(current.map((f) => [f.version, f.content])).toEqual([[2, '更正']]);
  });
});

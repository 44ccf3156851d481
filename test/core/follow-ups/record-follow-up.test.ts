import { describe, expect, it } from 'vitest';
import { missingFollowUpFields } from '../../../src/core/follow-ups/follow-up-input.js';
import { recordFollowUp } from '../../../src/core/follow-ups/record-follow-up.js';
import type { FieldIssue } from '../../../src/core/shared/errors.js';
import { AT, HOUR, REP_A, REP_B, refusal } from '../lead-world.js';
import { followUpWorld, PHONE_CALL, TOMORROW_10 } from './follow-up-world.js';

const DAY = 24 * HOUR;
const fieldsOf = (details: Readonly<Record<string, unknown>>) =>
  (details.issues as FieldIssue[]).map((i) => [i.field, i.problem?.kind]);

describe('recordFollowUp', () => {
  it('stores the record as typed, then the lead: following, claimed, its summary, plan and history', async () => {
    const w = followUpWorld();
    const lead = await w.owned('assigned');
    const { followUp, lead: after } = await recordFollowUp(w.deps, w.as(REP_A), {
      leadId: lead.id,
      ...PHONE_CALL,
      content: '  客户要报价单\n下周再联系  ',
      nextStep: '发报价单',
    });
    expect(followUp).toMatchObject({
      version: 1,
      recordId: followUp.id,
      leadId: lead.id,
      channel: 'phone',
      content: '  客户要报价单\n下周再联系  ',
      outcome: 'trial-booked',
      nextStep: '发报价单',
      nextContactAt: TOMORROW_10,
      authorId: REP_A.id,
      authorName: REP_A.name,
      at: AT,
    });
    expect(w.followUps.all()).toEqual([followUp]);
    expect(after).toMatchObject({
      status: 'claimed',
      claimedAt: AT,
      followUpStatus: 'following',
      lastFollowUp: { id: followUp.id, at: AT, channel: 'phone', outcome: 'trial-booked', count: 1 },
      plan: { nextContactAt: TOMORROW_10, staleAt: new Date(AT.getTime() + 7 * DAY), dueAt: TOMORROW_10 },
    });
    expect(after.dueStep).toBeUndefined();
    expect(after.dueAt).toBeUndefined();
    expect(after.history.at(-1)).toMatchObject({
      type: 'followed_up',
      actorId: REP_A.id,
      reason: { kind: 'typed', text: '  客户要报价单\n下周再联系  ' },
    });
    expect(w.notifier.notices().length).toBeGreaterThan(0);
  });

  it('counts the lead’s follow-ups and keeps the claim time of a claimed lead', async () => {
    const w = followUpWorld();
    const lead = await w.owned();
    await recordFollowUp(w.deps, w.as(REP_A), { leadId: lead.id, ...PHONE_CALL });
    w.clock.advance(HOUR);
    const { lead: after } = await recordFollowUp(w.deps, w.as(REP_A), {
      leadId: lead.code ?? lead.id,
      ...PHONE_CALL,
      channel: 'wechat',
      outcome: 'no-answer',
    });
    expect(after.lastFollowUp).toMatchObject({ channel: 'wechat', outcome: 'no-answer', count: 2 });
    expect(after.claimedAt).toEqual(AT);
  });

  it('refuses someone else’s lead, and records nothing', async () => {
    const w = followUpWorld();
    const lead = await w.owned();
    const refused = await refusal(recordFollowUp(w.deps, w.as(REP_B), { leadId: lead.id, ...PHONE_CALL }));
    expect(refused.code).toBe('LEAD_NOT_YOURS');
    expect(w.followUps.all()).toEqual([]);
  });

  it('names every missing required field of an open lead, and every bad one, at once', async () => {
    const w = followUpWorld();
    const lead = await w.owned();
    const missing = await refusal(recordFollowUp(w.deps, w.as(REP_A), { leadId: lead.id, content: '   ' }));
    expect(missing.code).toBe('VALIDATION_FAILED');
    expect(fieldsOf(missing.details)).toEqual([
      ['channel', 'required'],
      ['content', 'required'],
      ['nextContactAt', 'required'],
    ]);
    const bad = await refusal(
      recordFollowUp(w.deps, w.as(REP_A), {
        leadId: lead.id,
        channel: 'fax' as never,
        content: `x${'\u202e'}`,
        outcome: 'won-the-lottery',
        nextContactAt: new Date(AT.getTime() - HOUR),
      }),
    );
    expect(fieldsOf(bad.details)).toEqual([
      ['channel', 'not_one_of'],
      ['content', 'unsafe_text'],
      ['outcome', 'not_one_of'],
      ['nextContactAt', 'in_the_past'],
    ]);
    const far = await refusal(
      recordFollowUp(w.deps, w.as(REP_A), {
        leadId: lead.id,
        ...PHONE_CALL,
        content: 'x'.repeat(2001),
        nextContactAt: new Date(AT.getTime() + 366 * DAY),
      }),
    );
    expect(fieldsOf(far.details)).toEqual([
      ['content', 'too_big'],
      ['nextContactAt', 'too_far_ahead'],
    ]);
    // A value of the wrong kind is named as such (found by the API's fuzz test: it was a 500).
    const notText = await refusal(
      recordFollowUp(w.deps, w.as(REP_A), { leadId: lead.id, ...PHONE_CALL, content: {} as never }),
    );
    expect(fieldsOf(notText.details)).toEqual([['content', 'wrong_type']]);
    expect(w.followUps.all()).toEqual([]);
  });

  it('needs none of them once the lead is won or lost', async () => {
    const w = followUpWorld();
    const lead = await w.owned();
    await w.leads.updateIf(
      w.org.id,
      lead.id,
      { version: lead.version },
      {
        set: { stage: { key: 'won', since: AT } },
        event: { type: 'stage_changed', at: AT },
      },
    );
    expect(missingFollowUpFields({}, { stage: { key: 'won', since: AT } })).toEqual([]);
    expect(missingFollowUpFields({ content: '回访' }, {})).toEqual(['channel', 'nextContactAt']);
    const { followUp } = await recordFollowUp(w.deps, w.as(REP_A), { leadId: lead.id, content: '售后回访' });
    expect(followUp).toMatchObject({ channel: 'other', content: '售后回访' });
    expect(followUp.nextContactAt).toBeUndefined();
  });

  it('returns the stage the org maps the outcome to, and changes no stage itself', async () => {
    const w = followUpWorld({
      settings: {
        followUps: {
          outcomes: [
            { key: 'quoted', name: '已报价', stage: 'quote' },
            { key: 'call', name: '通话' },
          ],
        },
      },
    });
    const lead = await w.owned();
    const quoted = await recordFollowUp(w.deps, w.as(REP_A), {
      leadId: lead.id,
      ...PHONE_CALL,
      outcome: 'quoted',
    });
    expect(quoted.outcomeStage).toBe('quote');
    expect(quoted.lead.stage).toBeUndefined();
    const call = await recordFollowUp(w.deps, w.as(REP_A), {
      leadId: lead.id,
      ...PHONE_CALL,
      outcome: 'call',
    });
    expect(call.outcomeStage).toBeUndefined();
    // The default list is replaced, not added to.
    const old = await refusal(recordFollowUp(w.deps, w.as(REP_A), { leadId: lead.id, ...PHONE_CALL }));
    expect(fieldsOf(old.details)).toEqual([['outcome', 'not_one_of']]);
  });
});

describe('recordFollowUp, retried and raced', () => {
  it('a retry after both writes returns the same record and writes nothing', async () => {
    const w = followUpWorld();
    const lead = await w.owned();
    const first = await recordFollowUp(w.deps, w.as(REP_A), {
      leadId: lead.id,
      ...PHONE_CALL,
      requestKey: 'evt-1',
    });
    const published = w.notifier.published.length;
    const again = await recordFollowUp(w.deps, w.as(REP_A), {
      leadId: lead.id,
      ...PHONE_CALL,
      requestKey: 'evt-1',
    });
    expect(again.followUp).toEqual(first.followUp);
    expect(again.lead.version).toBe(first.lead.version);
    expect(w.followUps.all()).toHaveLength(1);
    expect(w.notifier.published.length).toBe(published);
  });

  it('a retry after a crash between the record and the lead write completes the lead write', async () => {
    const w = followUpWorld();
    const lead = await w.owned();
    const updateIf = w.leads.updateIf.bind(w.leads);
    w.leads.updateIf = async () => {
      throw new Error('connection lost');
    };
    await expect(
      recordFollowUp(w.deps, w.as(REP_A), { leadId: lead.id, ...PHONE_CALL, requestKey: 'evt-2' }),
    ).rejects.toThrow('connection lost');
    expect(w.followUps.all()).toHaveLength(1);
    expect((await w.leads.get(w.org.id, lead.id))?.lastFollowUp).toBeUndefined();
    w.leads.updateIf = updateIf;
    const retried = await recordFollowUp(w.deps, w.as(REP_A), {
      leadId: lead.id,
      ...PHONE_CALL,
      requestKey: 'evt-2',
    });
    expect(w.followUps.all()).toEqual([retried.followUp]);
    expect(retried.lead).toMatchObject({
      followUpStatus: 'following',
      lastFollowUp: { id: retried.followUp.id, count: 1 },
    });
  });

  it('a request key used for another lead is no retry of this one', async () => {
    const w = followUpWorld();
    const [one, two] = [await w.owned(), await w.owned()];
    await recordFollowUp(w.deps, w.as(REP_A), { leadId: one.id, ...PHONE_CALL, requestKey: 'evt-3' });
    const refused = await refusal(
      recordFollowUp(w.deps, w.as(REP_A), { leadId: two.id, ...PHONE_CALL, requestKey: 'evt-3' }),
    );
    expect(refused.code).toBe('CONFLICT');
  });

  it('a lead changed meanwhile is read again and written again, the record stored once', async () => {
    const w = followUpWorld();
    const lead = await w.owned();
    const results = await Promise.all([
      recordFollowUp(w.deps, w.as(REP_A), { leadId: lead.id, ...PHONE_CALL, content: '第一次' }),
      recordFollowUp(w.deps, w.as(REP_A), { leadId: lead.id, ...PHONE_CALL, content: '第二次' }),
      recordFollowUp(w.deps, w.as(REP_A), { leadId: lead.id, ...PHONE_CALL, content: '第三次' }),
    ]);
    expect(w.followUps.all()).toHaveLength(3);
    const stored = await w.leads.get(w.org.id, lead.id);
    expect(stored?.lastFollowUp?.count).toBe(3);
    expect(stored?.history.filter((h) => h.type === 'followed_up')).toHaveLength(3);
    expect(new Set(results.map((r) => r.lead.version)).size).toBe(3);
  });

  it('a release that wins the race leaves no record behind, and the follow-up is refused', async () => {
    const w = followUpWorld();
    const lead = await w.owned();
    // The release lands between the follow-up's read of the lead and its lead write.
    const insert = w.followUps.insert.bind(w.followUps);
    w.followUps.insert = async (record) => {
      const stored = await insert(record);
      await w.leads.updateIf(
        w.org.id,
        lead.id,
        { version: lead.version },
        {
          set: { status: 'pooled' },
          unset: ['ownerId', 'ownerName'],
          event: { type: 'released', at: AT },
        },
      );
      return stored;
    };
    const refused = await refusal(recordFollowUp(w.deps, w.as(REP_A), { leadId: lead.id, ...PHONE_CALL }));
    expect(refused.code).toBe('LEAD_NOT_YOURS');
    expect(w.followUps.inserts).toHaveLength(1);
    expect(w.followUps.all()).toEqual([]);
  });
});

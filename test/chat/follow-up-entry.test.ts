import { describe, expect, it } from 'vitest';
import type { ChatEvent } from '../../src/chat/events.js';
import { FOLLOW_UP_FORM } from '../../src/chat/handlers/follow-up-form.js';
import { registerHandlers } from '../../src/chat/handlers/register-handlers.js';
import { Registry } from '../../src/chat/registry.js';
import { LEAD_ACTIONS } from '../../src/chat/render/lead-card.js';
import { zhCN } from '../../src/chat/texts/zh-cn.js';
import type { Member } from '../../src/core/org/types.js';
import { customerFakes } from '../core/fake-customer-pending.js';
import { FakeFollowUpRepository } from '../core/fake-follow-up-repository.js';
import { FakeOrgRepository } from '../core/fakes.js';
import { leadWorld, REP_A, REP_B } from '../core/lead-world.js';
import { fakeChatDrafts } from './support/fake-chat-drafts.js';
import { reportCardFakes } from './support/report-card-fakes.js';

// Entering a follow-up in chat (issue #12, item 2): the one line, the guided exchange over plain text, the card's
// button and the form. The clock: Monday 2 March 2026, 10:00 in Shanghai (the world's AT).
const MIN = 60_000;
const t = zhCN.followUps;

function entry(locale: 'zh-CN' | 'en' = 'zh-CN') {
  const w = leadWorld({ settings: { locale } });
  const drafts = fakeChatDrafts();
  const followUps = new FakeFollowUpRepository();
  const registry = registerHandlers(
    new Registry({
      orgs: new FakeOrgRepository([w.org]),
      members: w.deps.members,
      teams: w.deps.teams,
      log: { error: () => undefined },
    }),
    { ...w.deps, drafts, followUps, ...customerFakes(w.leads), ...reportCardFakes() },
  );
  let seq = 0;
  const user = (m: Member) => ({
    platform: 'sandbox' as const,
    workspaceId: 'ws-1',
    userId: m.identities[0]!.userId,
  });
  const base = (m: Member) => ({ eventId: `e-${++seq}`, user: user(m) });
  const send = (event: ChatEvent) => registry.dispatch(event);
  return {
    w,
    drafts,
    followUps,
    command: (m: Member, line: string, extra: { formTrigger?: string; conversation?: string } = {}) =>
      send({
        type: 'command',
        ...base(m),
        command: 'followup',
        args: line.split(' '),
        rawText: `/跟进 ${line}`,
        ...extra,
      }),
    say: (m: Member, text: string, conversation?: string) =>
      send({ type: 'text', ...base(m), text, ...(conversation ? { conversation } : {}) }),
    click: (m: Member, value: string, formTrigger?: string) =>
      send({
        type: 'action',
        ...base(m),
        actionId: LEAD_ACTIONS.followUp,
        value,
        ...(formTrigger ? { formTrigger } : {}),
      }),
    submit: (m: Member, meta: string, values: Record<string, string>) =>
      send({ type: 'submit', ...base(m), formId: FOLLOW_UP_FORM, meta, values }),
    /** The world's first lead: the fake gives it the code L-1001. */
    async lead(owner = REP_A) {
      return w.store({
        status: 'claimed',
        ownerId: owner.id,
        ownerName: owner.name,
        claimedAt: w.clock.now(),
      });
    },
    /** The lead's stored follow-up records (the follow-ups domain's), oldest first. */
    async followedUp(id: string) {
      return followUps.all().filter((f) => f.leadId === id);
    },
  };
}

const texts = (r: { replies: readonly { text?: string }[] }) => r.replies.map((m) => m.text);

describe('the one-line follow-up', () => {
  it('records a complete line and repeats what it understood, in the org’s zone', async () => {
    const e = entry();
    const lead = await e.lead();
    const done = await e.command(REP_A, 'L-1001 电话 约到试用 下次 明天上午10点 客户要报价单');
    expect(texts(done)).toEqual(['已记录：电话 · 约到试用 · 下次联系 3月3日 周二 10:00']);
    expect(await e.followedUp(lead.id)).toMatchObject([
      {
        channel: 'phone',
        outcome: 'trial-booked',
        content: '客户要报价单',
        nextContactAt: new Date('2026-03-03T02:00:00Z'),
        authorId: REP_A.id,
      },
    ]);
    expect(e.drafts.all()).toEqual([]);
  });

  it('words the receipt in English for an English org', async () => {
    const e = entry('en');
    await e.lead();
    const done = await e.command(
      REP_A,
      'L-1001 phone trial-booked next "tomorrow 10am" customer wants a quote',
    );
    expect(texts(done)).toEqual(['Recorded: phone · trial booked · next contact Tue 3 Mar 10:00']);
  });

  it('refuses at once, before asking anything, a lead that is not the member’s', async () => {
    const e = entry();
    await e.lead(REP_A);
    const refused = await e.command(REP_B, 'L-1001 客户要报价单');
    expect(refused.ok).toBe(false);
    expect(texts(refused)).toEqual([zhCN.errors.LEAD_NOT_YOURS({ action: 'follow_up' })]);
    expect(e.drafts.all()).toEqual([]);
  });
  it('refuses a complete line for a lead that is not the member’s, recording nothing', async () => {
    const e = entry();
    const lead = await e.lead(REP_A);
    const refused = await e.command(REP_B, 'L-1001 电话 下次 明天 客户要报价单');
    expect(texts(refused)).toEqual([zhCN.errors.LEAD_NOT_YOURS({ action: 'follow_up' })]);
    expect(await e.followedUp(lead.id)).toEqual([]);
  });
});

describe('the guided exchange', () => {
  it('asks only for what is missing, keeps what was given, then records', async () => {
    const e = entry();
    const lead = await e.lead();
    expect(texts(await e.command(REP_A, 'L-1001 约到试用 客户要报价单'))).toEqual([t.ask.channel]);
    expect(e.drafts.all()[0]).toMatchObject({ kind: 'follow-up', asking: 'channel', conversation: 'dm' });
    expect(texts(await e.say(REP_A, '电话'))).toEqual([t.ask.nextContactAt]);
    expect(await e.followedUp(lead.id)).toHaveLength(0);
    expect(texts(await e.say(REP_A, '后天下午'))).toEqual([
      '已记录：电话 · 约到试用 · 下次联系 3月4日 周三 15:00',
    ]);
    expect(await e.followedUp(lead.id)).toHaveLength(1);
    expect(e.drafts.all()).toEqual([]);
  });

  it('takes more than was asked from one answer ("电话 客户要报价单" gives the channel and the content)', async () => {
    const e = entry();
    await e.lead();
    expect(texts(await e.command(REP_A, 'L-1001'))).toEqual([t.ask.channel]);
    expect(texts(await e.say(REP_A, '电话 客户要报价单'))).toEqual([t.ask.nextContactAt]);
    expect(texts(await e.say(REP_A, '下周一'))).toEqual(['已记录：电话 · 下次联系 3月9日 周一 10:00']);
  });

  it('asks again when an answer does not give the field, and ends on 取消 with nothing recorded', async () => {
    const e = entry();
    const lead = await e.lead();
    await e.command(REP_A, 'L-1001 电话 客户要报价单');
    expect(texts(await e.say(REP_A, '等我想想'))).toEqual([t.notUnderstood.nextContactAt]);
    expect(e.drafts.all()).toHaveLength(1);
    expect(texts(await e.say(REP_A, '取消'))).toEqual([zhCN.drafts.cancelled]);
    expect(e.drafts.all()).toEqual([]);
    expect(await e.followedUp(lead.id)).toHaveLength(0);
  });

  it('says a draft answered after 30 minutes expired, and records nothing', async () => {
    const e = entry();
    const lead = await e.lead();
    await e.command(REP_A, 'L-1001 电话 客户要报价单');
    e.w.clock.advance(31 * MIN);
    expect(texts(await e.say(REP_A, '明天上午10点'))).toEqual([zhCN.drafts.expired]);
    expect(await e.followedUp(lead.id)).toHaveLength(0);
    // Once told, the draft is gone: the next plain text is an unknown command again.
    const after = await e.say(REP_A, '明天上午10点');
    expect(texts(after)).toEqual([zhCN.errors.UNKNOWN_COMMAND({ command: '明天上午10点' })]);
  });

  it('answers plain text with no draft as before: an unknown command, named by its first word', async () => {
    const e = entry();
    const answer = await e.say(REP_A, 'hello there');
    expect(answer.ok).toBe(false);
    expect(texts(answer)).toEqual([zhCN.errors.UNKNOWN_COMMAND({ command: 'hello' })]);
  });

  it('keeps a question asked in one conversation for that conversation, and for that member', async () => {
    const e = entry();
    await e.lead();
    await e.command(REP_A, 'L-1001 电话 客户要报价单', { conversation: 'channel:east' });
    expect((await e.say(REP_A, '明天上午10点')).ok).toBe(false);
    expect((await e.say(REP_B, '明天上午10点', 'channel:east')).ok).toBe(false);
    expect(texts(await e.say(REP_A, '明天上午10点', 'channel:east'))).toEqual([
      '已记录：电话 · 下次联系 3月3日 周二 10:00',
    ]);
  });

  it('puts the draft back when recording crashes, so the platform’s retry can finish it', async () => {
    const e = entry();
    const lead = await e.lead();
    await e.command(REP_A, 'L-1001 电话 客户要报价单');
    const updateIf = e.w.leads.updateIf.bind(e.w.leads);
    e.w.leads.updateIf = async () => {
      throw new Error('database went away');
    };
    expect((await e.say(REP_A, '明天上午10点')).crashed).toBe(true);
    e.w.leads.updateIf = updateIf;
    expect(e.drafts.all()).toHaveLength(1);
    expect((await e.say(REP_A, '明天上午10点')).ok).toBe(true);
    expect(await e.followedUp(lead.id)).toHaveLength(1);
  });
});

describe('the card’s 记录跟进 button', () => {
  it('answers with the grammar and a filled example where no form opens, and a plain reply continues', async () => {
    const e = entry();
    const lead = await e.lead();
    const answer = await e.click(REP_A, lead.id);
    expect(texts(answer)).toEqual([t.prompt('L-1001'), t.ask.channel]);
    expect(t.prompt('L-1042')).toContain('/跟进 L-1042 电话 约到试用 下次 明天上午10点 客户要报价单');
    expect(texts(await e.say(REP_A, '微信'))).toEqual([t.ask.content]);
    expect(texts(await e.say(REP_A, '发了报价单'))).toEqual([t.ask.nextContactAt]);
    expect(texts(await e.say(REP_A, '周五前'))).toEqual(['已记录：微信 · 下次联系 3月6日 周五 18:00']);
  });

  it('asks for the form where the platform opens one, and starts no draft', async () => {
    const e = entry();
    const lead = await e.lead();
    const answer = await e.click(REP_A, lead.id, 'trigger-1');
    expect(answer.replies).toEqual([]);
    expect(answer.form).toMatchObject({ id: FOLLOW_UP_FORM, meta: lead.id });
    expect(answer.form?.fields.map((f) => f.id)).toEqual([
      'channel',
      'outcome',
      'content',
      'nextStep',
      'nextContactAt',
    ]);
    expect(e.drafts.all()).toEqual([]);
  });

  it('opens the form, with what was typed filled in, for a line missing a part where forms open', async () => {
    const e = entry();
    await e.lead();
    const answer = await e.command(REP_A, 'L-1001 电话 客户要报价单', { formTrigger: 'trigger-2' });
    const initial = Object.fromEntries((answer.form?.fields ?? []).map((f) => [f.id, f.initial]));
    expect(initial).toMatchObject({ channel: 'phone', content: '客户要报价单', nextContactAt: undefined });
    expect(e.drafts.all()).toEqual([]);
  });
});

describe('the submitted form', () => {
  it('names every field that is wrong or missing, and records nothing', async () => {
    const e = entry();
    const lead = await e.lead();
    const refused = await e.submit(REP_A, 'L-1001', { channel: 'phone', nextContactAt: '改天吧' });
    expect(refused.fieldErrors).toEqual({ nextContactAt: t.form.badTime, content: t.form.required });
    expect(refused.ok).toBe(false);
    expect(await e.followedUp(lead.id)).toHaveLength(0);
  });

  it('records a good one and answers the receipt', async () => {
    const e = entry();
    const lead = await e.lead();
    const values = {
      channel: 'visit',
      outcome: 'needs-confirmed',
      content: '看了产线',
      nextContactAt: '12月5日 14:00',
    };
    const done = await e.submit(REP_A, 'L-1001', values);
    expect(done.fieldErrors).toBeUndefined();
    expect(texts(done)).toEqual(['已记录：拜访 · 确认需求 · 下次联系 12月5日 周六 14:00']);
    expect(await e.followedUp(lead.id)).toMatchObject([
      {
        channel: 'visit',
        outcome: 'needs-confirmed',
        content: '看了产线',
        nextContactAt: new Date('2026-12-05T06:00:00Z'),
      },
    ]);
  });
});

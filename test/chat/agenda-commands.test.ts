import { describe, expect, it } from 'vitest';
import { PLAN_ACTIONS } from '../../src/chat/render/contact-reminder-card.js';
import { leadCard } from '../../src/chat/render/lead-card.js';
import { zhCN } from '../../src/chat/texts/zh-cn.js';
import { leadCardData } from '../../src/core/leads/lead-notices.js';
import { followUpId } from '../../src/core/shared/ids.js';
import { AT, HOUR, MANAGER, REP_A, REP_B } from '../core/lead-world.js';
import { chatOverFakes } from './support/chat-over-fakes.js';

// /today /overdue /stalled and 稍后提醒 over the core fakes: the handlers only translate; the lists are core's.
const DAY = 24 * HOUR;
const at = (ms: number) => new Date(AT.getTime() + ms);
const owned = (owner = REP_A) => ({
  status: 'claimed' as const,
  ownerId: owner.id,
  ownerName: owner.name,
  followUpStatus: 'following' as const,
});
const text = (r: { replies: readonly { card?: { title: string; markdown?: string } }[] }) =>
  `${r.replies[0]?.card?.title}\n${r.replies[0]?.card?.markdown}`;

describe('due list commands', () => {
  it('shows a rep their own today list with time and last outcome, and the other lists empty', async () => {
    const { w, type } = chatOverFakes();
    await w.store({
      ...owned(),
      contact: { name: '王磊' },
      plan: { nextContactAt: at(2 * HOUR) },
      lastFollowUp: {
        id: followUpId('f'),
        at: at(-DAY),
        channel: 'phone',
        outcome: 'trial_booked',
        count: 1,
      },
    });
    await w.store({ ...owned(REP_B), contact: { name: '李雷' }, plan: { nextContactAt: at(HOUR) } });
    const today = text(await type(REP_A, 'today', []));
    expect(today).toContain('今日待联系：共 1 个');
    expect(today).toContain('• L-1001 王磊 · 12:00 · 上次：约到试用');
    expect(today).not.toContain('李雷');
    expect(text(await type(REP_A, 'overdue', []))).toContain(zhCN.plan.agenda.empty);
  });

  it('gives a manager their team’s lists too; stalled counts important leads and later stages', async () => {
    const { w, type } = chatOverFakes();
    const done = (days: number) => ({
      lastFollowUp: { id: followUpId('f'), at: at(-days * DAY), channel: 'phone' as const, count: 1 },
    });
    await w.store({
      ...owned(REP_B),
      contact: { name: '报价客户' },
      stage: { key: 'quote', since: at(-9 * DAY) },
      ...done(4),
    });
    await w.store({ ...owned(REP_B), contact: { name: '普通客户' }, ...done(9) });
    const stalled = text(await type(MANAGER, 'stalled', []));
    expect(stalled).toContain('华东');
    expect(stalled).toContain('报价客户');
    expect(stalled).not.toContain('普通客户');
  });
});

describe('稍后提醒', () => {
  it('moves the next contact from the reminder’s button and says when it comes back', async () => {
    const { w, click } = chatOverFakes();
    const lead = await w.store({ ...owned(), plan: { nextContactAt: AT, remindedAt: AT, dueAt: at(DAY) } });
    const r = await click(REP_A, PLAN_ACTIONS.snooze, `${lead.id}:1h`);
    expect(r.replies[0]?.text).toBe(zhCN.plan.snoozed('03/02 11:00'));
    expect((await w.leads.get(w.org.id, lead.id))?.plan?.nextContactAt).toEqual(at(HOUR));
    expect((await click(REP_B, PLAN_ACTIONS.snooze, `${lead.id}:1h`)).ok).toBe(false);
  });
});

describe('the lead card’s plan lines', () => {
  it('shows the stage, the next contact and the days left before a following lead is reclaimed, marked under 3', async () => {
    const { w } = chatOverFakes();
    const lead = await w.store({
      ...owned(),
      stage: { key: 'quote', since: AT },
      plan: { nextContactAt: at(HOUR), staleAt: at(2 * DAY - HOUR) },
    });
    const ctx = {
      texts: zhCN,
      locale: 'zh-CN' as const,
      timeZone: 'Asia/Shanghai',
      to: { kind: 'member' as const, memberId: REP_A.id },
      now: AT,
    };
    const fields = leadCard(leadCardData(lead), ctx).card!.fields.map((f) => `${f.label}:${f.value}`);
    expect(fields).toContain('阶段:报价');
    expect(fields).toContain('下次联系:03/02 11:00');
    expect(fields).toContain(`${zhCN.lead.fields.reclaimAt}:⚠ 2 天后回收`);
    const far = leadCard(leadCardData({ ...lead, plan: { staleAt: at(6 * DAY) } }), ctx).card!.fields;
    expect(far.map((f) => f.value)).toContain('6 天后回收');
  });
});

import { describe, expect, it } from 'vitest';
import { agendaCard } from '../../src/chat/render/agenda-card.js';
import {
  contactReminderCard,
  missedContactsCard,
  PLAN_ACTIONS,
} from '../../src/chat/render/contact-reminder-card.js';
import { LEAD_ACTIONS } from '../../src/chat/render/lead-card.js';
import { en } from '../../src/chat/texts/en.js';
import { zhCN } from '../../src/chat/texts/zh-cn.js';
import type { AgendaData } from '../../src/core/follow-ups/index.js';
import { leadId, memberId } from '../../src/core/shared/ids.js';

const LEAD = leadId('6b0f064758542000d1edf001');
const ctx = (texts = zhCN) => ({
  texts,
  locale: texts === zhCN ? ('zh-CN' as const) : ('en' as const),
  timeZone: 'Asia/Shanghai',
  to: { kind: 'member' as const, memberId: memberId('m1') },
});
const none = { count: 0, leads: [] };
// 10:00 in Shanghai.
const TEN = '2026-03-02T02:00:00.000Z';

describe('the morning agenda card', () => {
  it('lists each list with its count and first leads, says when one is empty, and counts the rest', () => {
    const data: AgendaData = {
      memberName: '张伟',
      day: '2026-03-02',
      mine: {
        today: {
          count: 5,
          leads: [
            {
              leadId: LEAD,
              code: 'L-1042',
              name: '王磊',
              company: '华东电气',
              at: TEN,
              lastOutcome: 'trial_booked',
            },
          ],
        },
        overdue: { count: 1, leads: [{ leadId: LEAD, code: 'L-7', at: TEN, unfollowed: true }] },
        stalled: none,
      },
      teams: [],
    };
    const card = agendaCard(data, ctx()).card!;
    expect(card.title).toBe('张伟，早上好：今日工作安排');
    expect(card.markdown?.split('\n')).toEqual([
      '**今日待联系（5）**',
      '• L-1042 王磊 · 华东电气 · 10:00 · 上次：约到试用',
      '还有 4 个',
      '**逾期未跟进（1）**',
      '• L-7 · 03/02 10:00 · 未跟进',
      '**高意向未推进（0）**',
      '无',
    ]);
  });

  it('is one short line for a member with nothing today', () => {
    const data: AgendaData = {
      memberName: 'Wei',
      day: '2026-03-02',
      mine: { today: none, overdue: none, stalled: none },
      teams: [],
    };
    expect(agendaCard(data, ctx(en)).card?.markdown).toBe('No customers to contact today.');
  });
});

describe('the contact reminder', () => {
  const data = {
    leadId: LEAD,
    version: 3,
    name: '王磊',
    nextContactAt: TEN,
    lastOutcome: 'trial_booked',
    snooze: ['1h', 'tomorrow'],
  };
  it('says when and whom, the last outcome, with 记录跟进 and one 稍后提醒 per choice', () => {
    const card = contactReminderCard({ ...data, done: false }, ctx()).card!;
    expect(card.markdown).toBe('10:00 联系 王磊 · 上次：约到试用');
    expect(card.buttons.map((b) => [b.actionId, b.label, b.value])).toEqual([
      [LEAD_ACTIONS.followUp, '记录跟进', LEAD],
      [PLAN_ACTIONS.snooze, '稍后提醒 · 1 小时后', `${LEAD}:1h`],
      [PLAN_ACTIONS.snooze, '稍后提醒 · 明天上午', `${LEAD}:tomorrow`],
    ]);
    expect(contactReminderCard({ ...data, done: true }, ctx()).card?.buttons).toEqual([]);
    expect(contactReminderCard({ ...data, done: false }, ctx(en)).card?.markdown).toBe(
      '10:00 contact 王磊 · last time: trial booked',
    );
  });

  it('gives a manager one card for all their reps’ missed contacts', () => {
    const card = missedContactsCard(
      [
        { ...data, ownerName: '张伟' },
        { ...data, name: '刘洋', ownerName: '李娜' },
      ],
      ctx(),
    ).card!;
    expect(card.title).toBe('2 个联系已逾期（抄送主管）');
    expect(card.markdown).toContain('李娜 · 刘洋 · 原定 03/02 10:00');
    expect(card.buttons).toHaveLength(2);
  });
});

import { defaultStageSettings } from '../../core/customers/index.js';
import { DEFAULT_OUTCOMES_ZH_CN } from '../../core/follow-ups/index.js';
import type { PlanTexts } from './plan-texts.js';

export const planTextsZhCN: PlanTexts = {
  reminder: {
    title: '联系提醒',
    line: (time, who) => `${time} 联系 ${who}`,
    last: (outcome) => `上次：${outcome}`,
    firstContact: '首次联系',
    recordFollowUp: '记录跟进',
    snooze: (choice) => `稍后提醒 · ${choice}`,
    done: '已处理',
  },
  snoozeChoice: { hours: (h) => `${h} 小时后`, tomorrow: '明天上午' },
  snoozed: (at) => `好的，${at} 再提醒你。`,
  missed: {
    title: (count) => `${count} 个联系已逾期（抄送主管）`,
    line: (owner, who, time) => `${owner} · ${who} · 原定 ${time}`,
    more: (count) => `还有 ${count} 个`,
  },
  // The default outcome list's names, from the follow-ups domain (one list, not a copy of it).
  outcomes: Object.fromEntries(DEFAULT_OUTCOMES_ZH_CN.map((o) => [o.key, o.name])),
  channels: { phone: '电话', wechat: '微信', visit: '拜访', email: '邮件', other: '其他' },
  // The default stage list's names, from the customers domain (an org's own names travel on the lead).
  stages: Object.fromEntries(defaultStageSettings('zh-CN').stages.map((s) => [s.key, s.name])),
  card: {
    nextContact: '下次联系',
    stage: '阶段',
    reclaimIn: (d) => `${d} 天后回收`,
    reclaimSoon: (d) => `⚠ ${d} 天后回收`,
  },
  agenda: {
    title: (name) => `${name}，早上好：今日工作安排`,
    teamTitle: (team) => `${team} 团队`,
    lists: { today: '今日待联系', overdue: '逾期未跟进', stalled: '高意向未推进' },
    count: (n) => `（${n}）`,
    empty: '无',
    nothing: '今天没有待联系的客户。',
    more: (n) => `还有 ${n} 个`,
    ladder: '未跟进',
    lastAt: (at) => `上次跟进 ${at}`,
    viewHeader: (list, count) => `${list}：共 ${count} 个`,
  },
};

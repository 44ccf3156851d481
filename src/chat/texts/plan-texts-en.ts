import { defaultStageSettings } from '../../core/customers/index.js';
import { DEFAULT_OUTCOMES_EN } from '../../core/follow-ups/index.js';
import type { PlanTexts } from './plan-texts.js';

export const planTextsEn: PlanTexts = {
  reminder: {
    title: 'Contact reminder',
    line: (time, who) => `${time} contact ${who}`,
    last: (outcome) => `last time: ${outcome}`,
    firstContact: 'first contact',
    recordFollowUp: 'Record follow-up',
    snooze: (choice) => `Remind me ${choice}`,
    done: 'Done',
  },
  snoozeChoice: { hours: (h) => `in ${h} h`, tomorrow: 'tomorrow morning' },
  snoozed: (at) => `OK, I will remind you at ${at}.`,
  missed: {
    title: (count) => `${count} missed contacts (copy to manager)`,
    line: (owner, who, time) => `${owner} · ${who} · planned ${time}`,
    more: (count) => `and ${count} more`,
  },
  // The default outcome list's names, from the follow-ups domain (one list, not a copy of it).
  outcomes: Object.fromEntries(DEFAULT_OUTCOMES_EN.map((o) => [o.key, o.name])),
  channels: { phone: 'phone', wechat: 'WeChat', visit: 'visit', email: 'email', other: 'other' },
  // The default stage list's names, from the customers domain (an org's own names travel on the lead).
  stages: Object.fromEntries(defaultStageSettings('en').stages.map((s) => [s.key, s.name])),
  card: {
    nextContact: 'Next contact',
    stage: 'Stage',
    reclaimIn: (d) => `reclaimed in ${d} d`,
    reclaimSoon: (d) => `⚠ reclaimed in ${d} d`,
  },
  agenda: {
    title: (name) => `Good morning, ${name}: today's plan`,
    teamTitle: (team) => `Team ${team}`,
    lists: { today: 'To contact today', overdue: 'Overdue', stalled: 'Stalled' },
    count: (n) => ` (${n})`,
    empty: 'none',
    nothing: 'No customers to contact today.',
    more: (n) => `and ${n} more`,
    ladder: 'not followed up',
    lastAt: (at) => `last follow-up ${at}`,
    viewHeader: (list, count) => `${list}: ${count}`,
  },
};

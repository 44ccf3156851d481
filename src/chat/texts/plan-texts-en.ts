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
  outcomes: {
    trial_booked: 'trial booked',
    second_quote: 'second quote',
    needs_confirmed: 'needs confirmed',
    no_answer: 'no answer',
  },
  channels: { phone: 'phone', wechat: 'WeChat', visit: 'visit', email: 'email', other: 'other' },
  stages: { lead: 'Lead', intent: 'Interest', contact: 'Talks', quote: 'Quote', won: 'Won', lost: 'Lost' },
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

import type { TaskChatTexts } from './task-chat-texts.js';

/** "2 h 30 min", "3 d 2 h", "45 min": the largest two units, to the nearest minute (a sweep runs a few seconds late). */
function durationEn(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  if (days > 0) return hours > 0 ? `${days} d ${hours} h` : `${days} d`;
  if (hours > 0) return mins > 0 ? `${hours} h ${mins} min` : `${hours} h`;
  return `${mins} min`;
}

const PAUSE = { customer: 'waiting for the customer', parts: 'waiting for parts' } as const;

export const taskChatTextsEn: TaskChatTexts = {
  cardTitle: (code, customer) => `Task ${code} · ${customer}`,
  left: (d) => `${d} left`,
  late: (d) => `${d} late`,
  dueNow: 'Due now',
  duration: durationEn,
  pausedFor: (reason) => `Paused (${PAUSE[reason]}); the clock is stopped`,
  inReview: (hours) => `${hours} reported, waiting for the manager's review`,
  returned: 'Returned: see the reason, then report again',
  approvedBy: (hours, by, overdue) =>
    `${hours} approved${by ? ` by ${by}` : ''} · ${overdue ? 'finished late' : 'on time'}`,
  problem: 'Problem',
  buttons: {
    start: 'Start',
    report: 'Report hours',
    pause: { customer: 'Pause (customer)', parts: 'Pause (parts)' },
    resume: 'Resume',
    approve: (hours) => `Approve ${hours}`,
    adjust: 'Adjust hours',
    return: 'Return',
  },
  started: (code) => `Started ${code}. When done, click "Report hours" or send /hours.`,
  paused: (code, reason) =>
    `${code} is paused (${PAUSE[reason]}); the clock is stopped. Click "Resume" to go on.`,
  resumed: (code, due) => `${code} is in progress again; it is now due ${due}.`,
  hours: {
    ask: {
      task: 'Which task? Reply with its code, e.g. T-12',
      completedAt: 'When was it finished? e.g. today 16:30',
      hours: 'How many hours? e.g. 3.5h',
      result: 'What was done? e.g. replaced the power module',
    },
    notUnderstood: {
      task: 'I did not get the task code; reply e.g. T-12',
      completedAt: 'I did not get the time; reply e.g. today 16:30, yesterday 5pm',
      hours: 'I did not get the hours; reply e.g. 3.5h, 3h30m, 90 min',
      result: 'Please say in a few words what was done',
    },
    example: (code) =>
      `You can report in one line, e.g. /hours ${code} done 16:30 3.5h replaced the power module`,
    submitted: (code, when, hours) =>
      `Submitted: ${code} · done ${when} · ${hours}, waiting for the manager's review`,
  },
  form: {
    title: (code) => `Report hours ${code}`,
    submit: 'Submit',
    completedAt: 'Finished at',
    completedAtHint: 'e.g. today 16:30',
    hours: 'Hours',
    hoursHint: 'e.g. 3.5',
    result: 'What was done',
    required: 'Please fill this in',
    badTime: 'I did not get this time, e.g. today 16:30',
    timeAhead: 'The completion time cannot be in the future',
    badHours: 'I did not get the hours, e.g. 3.5 or 3h30m',
    adjustTitle: (code) => `Adjust hours ${code}`,
    returnTitle: (code) => `Return ${code}`,
    reason: 'Reason',
  },
  decision: {
    askHours: 'How many hours do you approve? e.g. 3',
    askReason: 'Why is it returned? The assignee gets this reason.',
    badHours: 'I did not get the hours; reply e.g. 3 or 2.5h',
    approved: (code, hours, overdue) =>
      `Approved ${code}: ${hours} (${overdue ? 'finished late' : 'on time'})`,
    returned: (code) => `Returned ${code}; the assignee gets the reason.`,
  },
  list: {
    mine: (n) => `My tasks (${n})`,
    team: (n) => `The team's open tasks (${n})`,
    none: 'You have no open tasks. Well done!',
    noneInTeam: 'The team has no open tasks.',
    line: (p) =>
      [
        `${p.late ? '⚠️ LATE ' : ''}${p.code}`,
        p.customer,
        `due ${p.due}`,
        p.status,
        ...(p.assignee ? [p.assignee] : []),
      ].join(' · '),
  },
};

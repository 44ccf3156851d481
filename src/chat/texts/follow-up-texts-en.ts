import type { DraftTexts, FollowUpTexts } from './follow-up-texts.js';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');
const weekday = (y: number, m: number, d: number) => WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()];

export const followUpTextsEn: FollowUpTexts = {
  channels: { phone: 'phone', wechat: 'WeChat', visit: 'visit', email: 'email', other: 'other' },
  when: (w) =>
    `${weekday(w.year, w.month, w.day)} ${w.day} ${MONTHS[w.month - 1]} ${pad(w.hour)}:${pad(w.minute)}`,
  nextContact: (when) => `next contact ${when}`,
  recorded: (parts) => `Recorded: ${parts.join(' · ')}`,
  ask: {
    channel: 'How did you contact them? phone, WeChat, visit, email or other',
    content: 'What was said? Just reply with it',
    nextContactAt: 'When is the next contact? For example: tomorrow 10am',
  },
  notUnderstood: {
    channel: 'Please reply with how you contacted them: phone, WeChat, visit, email or other (or "cancel")',
    content: 'Please reply with what was said (or "cancel")',
    nextContactAt:
      'I could not read that time; try e.g. tomorrow 10am, next monday, Dec 5 14:00 (or "cancel")',
  },
  prompt: (code) =>
    `Record a follow-up in one line, for example\n/followup ${code} phone trial-booked next "tomorrow 10am" customer wants a quote\nor just reply and I will ask for each part.`,
  button: 'Record follow-up',
  form: {
    title: 'Record follow-up',
    submit: 'Record',
    channel: 'Channel',
    outcome: 'Outcome',
    content: 'What was said',
    nextStep: 'Next step',
    nextContact: 'Next contact',
    nextContactHint: 'e.g. tomorrow 10am, next monday, Dec 5 14:00',
    required: 'Please fill this in',
    badTime: 'I could not read this time, e.g. tomorrow 10am',
    unknownChoice: 'Please pick one from the list',
  },
};

export const draftTextsEn: DraftTexts = {
  expired:
    'That question went unanswered for over 30 minutes and was dropped. Please send the command again.',
  cancelled: 'Cancelled; nothing was recorded.',
};

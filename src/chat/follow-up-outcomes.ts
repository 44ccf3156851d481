import type { FollowUpChannel } from '../core/leads/index.js';

/** One of the org's outcomes as the chat reads and shows it: its key and its name in each language. */
export type OutcomeChoice = { readonly key: string; readonly zh: string; readonly en: string };

/**
 * The outcomes chat offers until the org's own list (the follow-ups settings) is read: the requirement documents'
 * examples. Keys are stored; names are matched when typed and shown in the reader's language.
 */
export const DEFAULT_OUTCOME_CHOICES: readonly OutcomeChoice[] = [
  { key: 'trial_booked', zh: '约到试用', en: 'trial booked' },
  { key: 'second_quote', zh: '二次报价', en: 'second quote' },
  { key: 'needs_confirmed', zh: '确认需求', en: 'needs confirmed' },
  { key: 'no_answer', zh: '未接通', en: 'no answer' },
];

/** The words people type for each channel (跟进方式), in both languages; matched without case. */
export const CHANNEL_WORDS: Readonly<Record<FollowUpChannel, readonly string[]>> = {
  phone: ['电话', '打电话', '致电', '通话', '来电', 'phone', 'call', 'tel'],
  wechat: ['微信', 'wx', 'wechat', 'weixin', 'vx'],
  visit: ['拜访', '上门', '面谈', '见面', 'visit', 'meeting', 'meet'],
  email: ['邮件', '电邮', '邮箱', 'email', 'e-mail', 'mail'],
  other: ['其他', '其它', 'other'],
};

/** Folds what was typed for matching: full-width to ASCII, no case, no spaces, dashes or underscores. */
export function foldWord(word: string): string {
  return word
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_-]+/gu, '');
}

const channelByWord = new Map(
  Object.entries(CHANNEL_WORDS).flatMap(([channel, words]) =>
    words.map((w) => [foldWord(w), channel as FollowUpChannel] as const),
  ),
);

export function channelOfWord(word: string): FollowUpChannel | undefined {
  return channelByWord.get(foldWord(word));
}

/** The outcome a word names, by its key or its name in either language. */
export function outcomeOfWord(word: string, outcomes: readonly OutcomeChoice[]): OutcomeChoice | undefined {
  const folded = foldWord(word);
  if (!folded) return undefined;
  return outcomes.find((o) => [o.key, o.zh, o.en].some((name) => foldWord(name) === folded));
}

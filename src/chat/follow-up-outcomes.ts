import type { FollowUpChannel } from '../core/leads/index.js';

/** One of the org's outcomes as chat reads and shows it: its key, its name, and other names it is typed as. */
export type OutcomeChoice = {
  readonly key: string;
  readonly name: string;
  readonly aliases?: readonly string[];
};

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
  return outcomes.find((o) =>
    [o.key, o.name, ...(o.aliases ?? [])].some((name) => foldWord(name) === folded),
  );
}

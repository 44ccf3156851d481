import {
  DEFAULT_OUTCOMES_EN,
  DEFAULT_OUTCOMES_ZH_CN,
  type FollowUpOutcome,
  outcomesOf,
} from '../core/follow-ups/index.js';
import type { FollowUpChannel } from '../core/leads/index.js';
import type { Org } from '../core/org/types.js';

/** One of the org's outcomes as the chat reads and shows it: its key and its name in each language. */
export type OutcomeChoice = { readonly key: string; readonly zh: string; readonly en: string };

/**
 * The org's outcomes as the chat matches and shows them: its own list (one name, shown to every reader), else the
 * defaults with each language's name, so an en member of a Chinese org still reads "trial booked".
 */
export function outcomeChoicesOf(org: Pick<Org, 'settings'>): readonly OutcomeChoice[] {
  const own = (org.settings.followUps?.outcomes ?? []).length > 0;
  const nameIn = (list: readonly FollowUpOutcome[], o: FollowUpOutcome) =>
    own ? o.name : (list.find((d) => d.key === o.key)?.name ?? o.name);
  return outcomesOf(org).map((o) => ({
    key: o.key,
    zh: nameIn(DEFAULT_OUTCOMES_ZH_CN, o),
    en: nameIn(DEFAULT_OUTCOMES_EN, o),
  }));
}

/** The default outcomes, both languages: what a new org offers (and the grammar's tests read). */
export const DEFAULT_OUTCOME_CHOICES: readonly OutcomeChoice[] = outcomeChoicesOf({
  settings: { locale: 'zh-CN' } as Org['settings'],
});

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

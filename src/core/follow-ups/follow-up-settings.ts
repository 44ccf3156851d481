import type { Org } from '../org/index.js';

/**
 * One outcome of the org's list (跟进结果): was this contact's goal reached. The key is stable (stored on records,
 * typed in the one-line grammar's English form), the name is what people see; `stage` names the stage key a
 * follow-up with this outcome moves the lead to, where the org maps one (the stages domain makes the change).
 */
export type FollowUpOutcome = {
  readonly key: string;
  readonly name: string;
  readonly stage?: string;
};

/** The follow-up part of an org's settings (`OrgSettings.followUps`); absent means the defaults of its locale. */
export type FollowUpSettings = {
  readonly outcomes: readonly FollowUpOutcome[];
};

/** The outcomes of the customer's documents, in the order they list them. */
export const DEFAULT_OUTCOMES_ZH_CN: readonly FollowUpOutcome[] = [
  { key: 'trial-booked', name: '约到试用' },
  { key: 'second-quote', name: '二次报价' },
  { key: 'needs-confirmed', name: '确认需求' },
  { key: 'no-answer', name: '未接通' },
  { key: 'not-interested', name: '无意向' },
  { key: 'info-sent', name: '已发资料' },
];

/** The same outcomes, keys unchanged, for an English-speaking org. */
export const DEFAULT_OUTCOMES_EN: readonly FollowUpOutcome[] = [
  { key: 'trial-booked', name: 'trial booked' },
  { key: 'second-quote', name: 'second quote' },
  { key: 'needs-confirmed', name: 'needs confirmed' },
  { key: 'no-answer', name: 'no answer' },
  { key: 'not-interested', name: 'not interested' },
  { key: 'info-sent', name: 'info sent' },
];

/** The org's outcome list: its own, else the defaults of its locale. */
export function outcomesOf(org: Pick<Org, 'settings'>): readonly FollowUpOutcome[] {
  const own = org.settings.followUps?.outcomes;
  if (own && own.length > 0) return own;
  return org.settings.locale === 'en' ? DEFAULT_OUTCOMES_EN : DEFAULT_OUTCOMES_ZH_CN;
}

/** The outcome with this key in the org's list, if it has one. */
export const outcomeOf = (
  org: Pick<Org, 'settings'>,
  key: string | undefined,
): FollowUpOutcome | undefined =>
  key === undefined ? undefined : outcomesOf(org).find((o) => o.key === key);

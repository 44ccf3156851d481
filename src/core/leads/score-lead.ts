import { z } from 'zod';
import { textField } from '../shared/text-field.js';
import { normalizeEmail } from './normalize-email.js';
import { normalizePhone } from './normalize-phone.js';

export type ScoringInput = {
  phone?: string | undefined;
  email?: string | undefined;
  wechat?: string | undefined;
  company?: string | undefined;
  name?: string | undefined;
  productLine?: string | undefined;
  intent?: string | undefined;
  source: string;
  region?: string | undefined;
  grade?: 'normal' | 'important' | undefined;
};

export type ScoringConfig = {
  contact: { phone: number; email: number; wechat: number; company: number; name: number };
  intent: {
    productLine: number;
    intentText: number;
    intentKeywords: readonly string[];
    keywordBonus: number;
  };
  source: Readonly<Record<string, number>>;
  defaultSourcePoints: number;
  /** Keyed by region name; the key `*` gives the points for any region not listed (and for no region at all). */
  region: Readonly<Record<string, number>>;
  importantThreshold: number;
};

export type LeadScore = {
  score: number;
  grade: 'normal' | 'important';
  breakdown: { contact: number; intent: number; source: number; region: number };
};

/**
 * Default lead scoring. The parts add up to at most 100; the total is rounded and clamped to 0–100.
 *
 * | Part    | Signal                                                     | Points |
 * |---------|------------------------------------------------------------|--------|
 * | contact | phone that normalizes                                      | 15     |
 * | contact | email that normalizes                                      | 5      |
 * | contact | WeChat id                                                  | 5      |
 * | contact | company                                                    | 7      |
 * | contact | name                                                       | 3      |
 * | intent  | product line given                                         | 10     |
 * | intent  | intent text of at least 6 characters                       | 10     |
 * | intent  | intent mentions 报价 采购 预算 合同 试用 演示 尽快 急 quote budget purchase trial demo (once) | 10 |
 * | source  | event 25, website 20, wechat 15, miniprogram 15, ad 10, api 10, import 5, other 5 | ≤ 25 |
 * | region  | 上海 北京 广东 深圳 江苏 浙江 10 (also 上海市, 广东省深圳市 …), other `*` 0 | ≤ 10 |
 *
 * Grade is `important` when the lead arrives marked important or the score reaches 70 (`importantThreshold`).
 */
export const DEFAULT_SCORING: ScoringConfig = {
  contact: { phone: 15, email: 5, wechat: 5, company: 7, name: 3 },
  intent: {
    productLine: 10,
    intentText: 10,
    intentKeywords: '报价 采购 预算 合同 试用 演示 尽快 急 quote budget purchase trial demo'.split(' '),
    keywordBonus: 10,
  },
  source: { event: 25, website: 20, wechat: 15, miniprogram: 15, ad: 10, api: 10, import: 5 },
  defaultSourcePoints: 5,
  region: { 上海: 10, 北京: 10, 广东: 10, 深圳: 10, 江苏: 10, 浙江: 10, '*': 0 },
  importantThreshold: 70,
};

// Points may be negative so an org can penalise a source; the bound only catches typos like 1500.
const points = z.number().min(-100).max(100);

/** What an org may store to replace DEFAULT_SCORING. Strict, so a misspelt key fails instead of being ignored. */
export const scoringConfigSchema = z.strictObject({
  contact: z.strictObject({ phone: points, email: points, wechat: points, company: points, name: points }),
  intent: z.strictObject({
    productLine: points,
    intentText: points,
    intentKeywords: z.array(textField().trim().min(1)),
    keywordBonus: points,
  }),
  source: z.record(textField(), points),
  defaultSourcePoints: points,
  region: z.record(textField(), points),
  // 101 is allowed so an org can turn automatic "important" off and rely on the incoming grade only.
  importantThreshold: z.number().int().min(0).max(101),
});

// Shorter texts ("了解一下") say nothing about intent.
const MIN_INTENT_CHARS = 6;

export function scoreLead(input: ScoringInput, config: ScoringConfig = DEFAULT_SCORING): LeadScore {
  const breakdown = {
    contact: contactPoints(input, config.contact),
    intent: intentPoints(input, config.intent),
    source: own(config.source, fold(input.source)) ?? config.defaultSourcePoints,
    region: regionPoints(input.region, config.region),
  };
  const total = breakdown.contact + breakdown.intent + breakdown.source + breakdown.region;
  const score = Math.min(100, Math.max(0, Math.round(total)));
  const important = input.grade === 'important' || score >= config.importantThreshold;
  return { score, grade: important ? 'important' : 'normal', breakdown };
}

// Only contacts a rep can use earn points: a phone or email that does not normalize is not a way to reach anyone.
function contactPoints(input: ScoringInput, points: ScoringConfig['contact']): number {
  const given = (value: string | undefined) => value !== undefined && value.trim() !== '';
  return (
    (input.phone !== undefined && normalizePhone(input.phone) !== undefined ? points.phone : 0) +
    (input.email !== undefined && normalizeEmail(input.email) !== undefined ? points.email : 0) +
    (given(input.wechat) ? points.wechat : 0) +
    (given(input.company) ? points.company : 0) +
    (given(input.name) ? points.name : 0)
  );
}

function intentPoints(input: ScoringInput, points: ScoringConfig['intent']): number {
  const text = fold(input.intent ?? '');
  const productLine = (input.productLine ?? '').trim() !== '' ? points.productLine : 0;
  // Characters, not UTF-16 units, so six Chinese characters count as six.
  const intentText = [...text].length >= MIN_INTENT_CHARS ? points.intentText : 0;
  // Several keywords earn the bonus once, so a keyword-stuffed form cannot outscore a real one.
  const hasKeyword = points.intentKeywords.some((word) => word.trim() !== '' && text.includes(fold(word)));
  return productLine + intentText + (hasKeyword ? points.keywordBonus : 0);
}

// Exact name first ("上海"), then the longest listed name the region starts with ("上海市", "广东省深圳市" → 广东).
function regionPoints(region: string | undefined, table: ScoringConfig['region']): number {
  const fallback = own(table, '*') ?? 0;
  if (region === undefined || region.trim() === '') return fallback;
  const key = fold(region);
  const exact = own(table, key);
  if (exact !== undefined) return exact;
  const prefix = Object.keys(table)
    .filter((name) => name !== '*' && name !== '' && key.startsWith(fold(name)))
    .sort((a, b) => b.length - a.length)[0];
  return prefix === undefined ? fallback : (own(table, prefix) ?? fallback);
}

// Own keys only: a source typed as "constructor" must not find Object.prototype.constructor.
function own(table: Readonly<Record<string, number>>, key: string): number | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

// Width and case differences ("ＷＥＢＳＩＴＥ", "Demo") should not change a score.
function fold(text: string): string {
  return text.normalize('NFKC').trim().toLowerCase();
}

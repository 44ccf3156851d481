import type { FollowUpChannel } from '../core/leads/index.js';
import { parseLeadRef } from '../core/leads/index.js';
import { channelOfWord, type OutcomeChoice, outcomeOfWord } from './follow-up-outcomes.js';
import { type FoundTime, findNaturalTimes, type NaturalTimeOptions } from './natural-time.js';

/**
 * The one-line follow-up: `/跟进 L-1042 电话 约到试用 下次 明天上午10点 客户要报价单`,
 * `/followup L-1042 phone trial-booked next "tomorrow 10am" customer wants a quote`.
 * - the lead: the first word, or else the first word written as a code (L-1042);
 * - the parts the grammar knows are read from both ends of the line, in any order: a channel word (电话, 微信, wx,
 *   phone …), an outcome of the org's list (by name in either language or by key), and the next contact time:
 *   下次 / 下回 / next followed by a time, or a time written as words of its own before the content;
 * - what is left in the middle is the content, exactly as typed (spacing, full-width characters and quotes kept);
 * - with no next contact time so far, a time inside the content ("客户说3天后再联系") is taken, and the content is
 *   left whole.
 */
export type ParsedFollowUp = {
  readonly leadRef?: string;
  readonly channel?: FollowUpChannel;
  readonly outcome?: string;
  readonly nextContactAt?: Date;
  readonly content?: string;
};

export type FollowUpGrammarOptions = NaturalTimeOptions & {
  readonly outcomes: readonly OutcomeChoice[];
  /** false: the text names no lead (an answer to the guided exchange's question). */
  readonly lead?: false;
};

type Token = {
  readonly value: string;
  readonly index: number;
  readonly end: number;
  readonly quoted: boolean;
};

const NEXT_WORDS = new Set(['下次', '下回', '下次联系', 'next', '下次跟进']);
const LEAD_CODE = /^[Ll]-?\d{1,12}$/u;

/** Reads the text after the command's name. */
export function parseFollowUpLine(text: string, options: FollowUpGrammarOptions): ParsedFollowUp {
  const tokens = tokenize(text);
  const result: { -readonly [K in keyof ParsedFollowUp]: ParsedFollowUp[K] } = {};
  const leadAt =
    options.lead === false
      ? -1
      : tokens.findIndex((t, i) => (i === 0 ? !!parseLeadRef(t.value) : LEAD_CODE.test(t.value)));
  const leadToken = leadAt >= 0 ? tokens.splice(leadAt, 1)[0] : undefined;
  if (leadToken) result.leadRef = leadToken.value;
  const times = findNaturalTimes(text, options);
  let from = 0;
  let to = tokens.length;
  for (let step = readPart(tokens, from, to, true); step; step = readPart(tokens, from, to, true)) {
    if (!apply(step.part)) break;
    from = step.next;
  }
  for (let step = readPart(tokens, from, to, false); step; step = readPart(tokens, from, to, false)) {
    if (!apply(step.part)) break;
    to = step.next;
  }
  const first = tokens[from];
  const last = tokens[to - 1];
  if (first && last && from < to) {
    const content = text.slice(first.index - (first.quoted ? 1 : 0), last.end + (last.quoted ? 1 : 0));
    result.content = content.trim();
    if (!result.nextContactAt) {
      const inside = times.find((t) => t.index >= first.index && t.end <= last.end);
      if (inside) result.nextContactAt = inside.at;
    }
  }
  return result;

  /** Takes a part once: a second channel word is content ("电话 … 微信" keeps 微信 in the text). */
  function apply(part: Part): boolean {
    if (part.kind === 'channel' && !result.channel) result.channel = part.channel;
    else if (part.kind === 'outcome' && !result.outcome) result.outcome = part.outcome;
    else if (part.kind === 'time' && !result.nextContactAt) result.nextContactAt = part.at;
    else return false;
    return true;
  }

  type Part =
    | { kind: 'channel'; channel: FollowUpChannel }
    | { kind: 'outcome'; outcome: string }
    | { kind: 'time'; at: Date };

  /** The part at the front (or the back) of tokens[from, to), and where the rest begins (or ends). */
  function readPart(all: Token[], start: number, end: number, front: boolean) {
    if (start >= end) return undefined;
    const edge = front ? start : end - 1;
    const token = all[edge];
    if (!token) return undefined;
    const move = (n: number) => (front ? start + n : end - n);
    const channel = token.quoted ? undefined : channelOfWord(token.value);
    if (channel) return { part: { kind: 'channel', channel } as Part, next: move(1) };
    for (const n of [2, 1]) {
      const words = front ? all.slice(start, start + n) : all.slice(end - n, end);
      if (words.length < n || words.some((w) => w.quoted && n > 1)) continue;
      const outcome = outcomeOfWord(words.map((w) => w.value).join(' '), options.outcomes);
      if (outcome) return { part: { kind: 'outcome', outcome: outcome.key } as Part, next: move(n) };
    }
    return front ? timeAtFront(all, start, end) : timeAtBack(all, start, end);
  }

  /** 下次 + a time, or a time of whole words, starting at tokens[start]. */
  function timeAtFront(all: Token[], start: number, end: number) {
    const keyword = NEXT_WORDS.has(all[start]?.value.toLowerCase() ?? '') ? 1 : 0;
    // "next monday" is itself a time: the keyword is then part of it.
    const span =
      spanOf(all, start, end, (time, first) => time.index === first.index) ??
      spanOf(all, start + keyword, end, (time, first) => time.index === first.index);
    return span ? { part: { kind: 'time', at: span.at } as Part, next: span.last + 1 } : undefined;
  }

  /** 下次 + a time ending at tokens[end - 1]. */
  function timeAtBack(all: Token[], start: number, end: number) {
    for (let k = end - 2; k >= start; k--) {
      if (!NEXT_WORDS.has(all[k]?.value.toLowerCase() ?? '')) continue;
      const span = spanOf(all, k + 1, end, (time, first) => time.index === first.index);
      if (span && span.last === end - 1) return { part: { kind: 'time', at: span.at } as Part, next: k };
    }
    return undefined;
  }

  /** The found time that starts at tokens[at] and ends at the end of a token: its instant and its last token. */
  function spanOf(all: Token[], at: number, end: number, startsAt: (t: FoundTime, first: Token) => boolean) {
    const first = all[at];
    if (!first || at >= end) return undefined;
    const time = times.find((t) => startsAt(t, first));
    if (!time) return undefined;
    for (let i = at; i < end; i++) {
      if (all[i]?.end === time.end) return { at: time.at, last: i };
    }
    return undefined;
  }
}

/** Words with where they are: split on white space, "quoted" (also “”, 「」, ＂＂) text kept as one word. */
function tokenize(text: string): Token[] {
  const pattern = /"([^"]*)"|＂([^＂]*)＂|“([^”]*)”|「([^」]*)」|(\S+)/gu;
  return [...text.replaceAll('\u3000', ' ').matchAll(pattern)].map((m) => {
    const quoted = m[5] === undefined;
    const value = m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5] ?? '';
    const index = m.index + (quoted ? 1 : 0);
    return { value, index, end: index + value.length, quoted };
  });
}

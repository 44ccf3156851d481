import { instantOf, wallTimeOf } from '../core/shared/zoned-time.js';
import { findNaturalTimes, type NaturalTimeOptions } from './natural-time.js';

/**
 * The one-line hours report: `/工时 T-12 完成于 今天16:30 3.5小时 已更换电源模块`, `/hours T-12 done 16:30 3.5h
 * replaced the power module`, its parts in any order. Read on a half-width copy (full-width digits, letters and
 * colons count as ASCII, one character for one, so the result is cut from what was typed, as typed):
 * - the task: `T-12`, `t12`, `T-12-2` (a second assignment);
 * - the hours, as people write them: 3.5小时, 3.5h, 1.5 h, 3小时30分, 两个半小时, 半小时, 90分钟, 45min, or a bare
 *   number (3.5) written before the result;
 * - the completion time, over the natural-time parser, in the org's zone; a time already past is what is meant
 *   (16:30 at 17:00 is today's, 周一 last Monday), so the parser's forward guess is moved back, unless the day was
 *   named (今天, 明天): a time ahead is then refused by the report, not silently moved to another day;
 * - the result: whatever is left, with the words that only mark a part (完成于, done, 用时 …) taken out.
 */
export type ParsedHours = {
  readonly taskRef?: string;
  readonly completedAt?: Date;
  readonly hours?: number;
  readonly result?: string;
};

/** The report may name a time a little ahead of the server's clock (a phone's clock runs fast), as the core allows. */
const SKEW_MS = 5 * 60_000;
const DAY_MS = 86_400_000;

const TASK_REF = /(?<![\p{L}\d-])[Tt]-?(\d{1,12}(?:-\d{1,3})?)(?![\p{L}\d])/u;
const NUMBER = String.raw`\d+(?:\.\d+)?|[零一二两三四五六七八九十]+(?:个半|点五|半)?|半`;
const HOUR_UNIT = String.raw`\s*(?:个\s*)?(?:小时|钟头|hours?|hrs?|h)(?![a-z])`;
const MINUTE_UNIT = String.raw`\s*(?:分钟|分|minutes?|mins?|m)(?![a-z])`;
const HOURS_PATTERNS: readonly RegExp[] = [
  // 3小时30分, 3h30m, 3 hours 30 minutes, 一小时十五分钟
  new RegExp(
    String.raw`(${NUMBER})${HOUR_UNIT}\s*(?:and\s+)?(\d+|[零一二两三四五六七八九十]+)${MINUTE_UNIT}`,
    'iu',
  ),
  new RegExp(String.raw`(${NUMBER})${HOUR_UNIT}(?:\s*半)?`, 'iu'),
  new RegExp(String.raw`(?<![\d.:])(\d+|[零一二两三四五六七八九十]+)${MINUTE_UNIT}`, 'iu'),
];
/** Words that only say which part follows: taken out of the result. */
const MARKERS =
  /(?:完成时间|完成于|完成在|完成|处理完|做完|搞定|用时|耗时|工时|共计|一共|花了|共|于|在|finished\s+at|completed\s+at|done\s+at|finished|completed|done|took|spent|at|hours?:?|result:?|结果[:：]?)/giu;
/** A number standing alone, not followed by what makes it part of a time (5 点, 3 days ago). */
const BARE_NUMBER =
  /(?<=^|\s)\d+(?:\.\d+)?(?=\s|$)(?!\s*(?:点|點|时|:|am|pm|a\.m|p\.m|号|日|月|分|days?|天|weeks?|周|ago|前|后))/giu;
const NOW_WORDS = /刚刚|刚才|现在|just now|\bnow\b/iu;
/** A day named outright (today, tomorrow): kept as said, for the report to refuse when it is ahead. */
const NAMED_DAY = /今天|今早|今晚|明天|明早|明晚|后天|today|tonight|tomorrow/iu;

export function parseHoursLine(text: string, options: NaturalTimeOptions): ParsedHours {
  const plain = halfWidth(text);
  const taken = new Array<boolean>(plain.length).fill(false);
  const take = (from: number, to: number) => taken.fill(true, from, to);
  const ref = TASK_REF.exec(plain);
  if (ref) take(ref.index, ref.index + ref[0].length);
  const hours = findHours(plain, taken);
  if (hours) take(hours.index, hours.end);
  // A bare number (3.5, 3) is hours, never part of a time: hidden from the time reader, which reads "16:30 3" as one.
  const time = findCompletion(
    blank(plain, taken).replace(BARE_NUMBER, (d) => ' '.repeat(d.length)),
    options,
  );
  if (time) take(time.index, time.end);
  const bare = hours ? undefined : bareHours(plain, taken);
  if (bare) take(bare.index, bare.end);
  const result = resultOf(text, plain, taken);
  return {
    ...(ref?.[1] ? { taskRef: `T-${ref[1]}` } : {}),
    ...(time ? { completedAt: time.at } : {}),
    ...((hours ?? bare) ? { hours: (hours ?? bare)?.value as number } : {}),
    ...(result ? { result } : {}),
  };
}

/** Hours alone (the answer to "用了多少小时？"): with a unit, or a bare number. */
export function parseHoursAmount(text: string): number | undefined {
  const plain = halfWidth(text).trim();
  const taken = new Array<boolean>(plain.length).fill(false);
  const found = findHours(plain, taken) ?? bareHours(plain, taken);
  return found?.value;
}

/** A completion time alone (the answer to "什么时候完成的？"). */
export function parseCompletionTime(text: string, options: NaturalTimeOptions): Date | undefined {
  return findCompletion(halfWidth(text), options)?.at;
}

type Found = { readonly index: number; readonly end: number; readonly value: number };

function findHours(text: string, taken: readonly boolean[]): Found | undefined {
  for (const pattern of HOURS_PATTERNS) {
    const m = pattern.exec(blank(text, taken));
    if (!m) continue;
    const value = amountOf(m[0], m[1] ?? '', m[2]);
    if (value !== undefined) return { index: m.index, end: m.index + m[0].length, value };
  }
  return undefined;
}

function amountOf(whole: string, first: string, minutes: string | undefined): number | undefined {
  const minuteOnly = !/小时|钟头|h/iu.test(whole);
  const n = numberOf(first);
  if (n === undefined) return undefined;
  if (minuteOnly) return round(n / 60);
  const half = /半\s*$/u.test(whole) && !/半/u.test(first) ? 0.5 : 0;
  const extra = minutes !== undefined ? (numberOf(minutes) ?? 0) / 60 : 0;
  return round(n + half + extra);
}

const round = (n: number) => Math.round(n * 100) / 100;

const DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** 3.5, 三, 十二, 二十五, 两个半, 一点五, 半. */
function numberOf(word: string): number | undefined {
  if (/^\d/u.test(word)) return Number(word);
  if (word === '半') return 0.5;
  const half = /(?:个半|点五|半)$/u.test(word) ? 0.5 : 0;
  const core = word.replace(/(?:个半|点五|半)$/u, '');
  const [tens, ones] = core.includes('十') ? core.split('十') : ['', core];
  const t = core.includes('十') ? (tens ? DIGITS[tens] : 1) : 0;
  const o = ones ? DIGITS[ones] : 0;
  if (t === undefined || o === undefined || (ones?.length ?? 0) > 1) return undefined;
  return t * 10 + o + half;
}

/** A number with no unit, written before anything else that is left (so "换了 2 个模块" is no hours). */
function bareHours(text: string, taken: readonly boolean[]): Found | undefined {
  const rest = blank(text, taken).replace(MARKERS, (w) => ' '.repeat(w.length));
  const m = /^[\s,，;；、]*(\d+(?:\.\d+)?)(?=\s|$|[,，;；、])/u.exec(rest);
  if (!m?.[1]) return undefined;
  const index = m[0].length - m[1].length;
  return { index, end: m[0].length, value: Number(m[1]) };
}

/** The completion time: "now" words, else the first natural time, moved back when its forward guess is ahead. */
function findCompletion(
  text: string,
  options: NaturalTimeOptions,
): { at: Date; index: number; end: number } | undefined {
  const now = NOW_WORDS.exec(text);
  const found = findNaturalTimes(text, options)[0];
  if (now && (!found || now.index < found.index))
    return { at: options.now, index: now.index, end: now.index + now[0].length };
  if (!found) return undefined;
  const said = text.slice(found.index, found.end);
  return { ...found, at: NAMED_DAY.test(said) ? found.at : backToPast(found.at, options) };
}

/** The latest of the forward guess, a day, a week or a year before it that is not ahead of now. */
function backToPast(at: Date, options: NaturalTimeOptions): Date {
  const limit = options.now.getTime() + SKEW_MS;
  if (at.getTime() <= limit) return at;
  const wall = wallTimeOf(at, options.timeZone);
  const candidates = [
    new Date(at.getTime() - DAY_MS),
    new Date(at.getTime() - 7 * DAY_MS),
    instantOf({ ...wall, year: wall.year - 1 }, options.timeZone),
  ];
  return candidates.find((c) => c.getTime() <= limit) ?? at;
}

/** What is left of the line, as typed: the pieces not taken, without the marker words, joined by a space. */
function resultOf(original: string, plain: string, taken: readonly boolean[]): string | undefined {
  const pieces: string[] = [];
  let start = -1;
  for (let i = 0; i <= plain.length; i++) {
    const free = i < plain.length && !taken[i];
    if (free && start < 0) start = i;
    if (!free && start >= 0) {
      pieces.push(original.slice(start, i));
      start = -1;
    }
  }
  const cleaned = pieces
    .map((p) => stripMarkers(p))
    .filter((p) => p.length > 0)
    .join(' ');
  return cleaned || undefined;
}

/** A piece without the marker words at its edges and the punctuation around them. */
function stripMarkers(piece: string): string {
  const edge = /^[\s,，;；:：、。.]+|[\s,，;；:：、]+$/gu;
  let s = piece.replace(edge, '');
  for (let i = 0; i < 3; i++) {
    const head = new RegExp(`^(?:${MARKERS.source})(?=[\\s,，;；:：、]|$)`, 'iu').exec(halfWidth(s));
    const tail = new RegExp(`(?:^|[\\s,，;；:：、])(?:${MARKERS.source})$`, 'iu').exec(halfWidth(s));
    if (head) s = s.slice(head[0].length);
    else if (tail) s = s.slice(0, tail.index);
    else break;
    s = s.replace(edge, '');
  }
  return s;
}

function blank(text: string, taken: readonly boolean[]): string {
  return text
    .split('')
    .map((c, i) => (taken[i] ? ' ' : c))
    .join('');
}

/** ０-９, Ａ-ｚ, ：, ． and the ideographic space as ASCII, one character for one, as the natural-time parser reads. */
function halfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E\u3000]/gu, (c) =>
    c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0),
  );
}

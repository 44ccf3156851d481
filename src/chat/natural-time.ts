import * as chrono from 'chrono-node';
import type { Locale } from '../core/org/types.js';
import { addDays, instantOf, type WallTime, wallTimeOf, weekdayOf } from '../core/shared/zoned-time.js';

/**
 * Natural times ("明天上午10点", "后天下午", "周五前", "tomorrow 10am", "in 3 days") read with chrono-node, in the org's
 * time zone. chrono does the reading; the few things it gets wrong for a next contact time are mended after it,
 * each in one small step below:
 * - zone: chrono's zh parser ignores a `timezone` option, so it is given the org's wall clock as its reference and
 *   its answer is read as wall time in that zone (instantOf), which holds across DST changes too;
 * - 后天 / 大后天 are not known to it (后天下午 came back as today's 下午): they are found here as a day and joined
 *   with the time that follows;
 * - a day followed by a part of the day (下周一上午, 2天后下午) comes back as two results: they are joined;
 *   a weekday with a part of the day (周一上午) came back as today: the day is moved to that weekday;
 * - defaults where no hour was given: 上午/morning 10:00, 中午/noon 12:00, 下午/afternoon 15:00, 晚上/evening 19:00,
 *   a deadline (周五前, by Friday) 18:00, a day alone (下周一, 3天后) 10:00, the start of a working day;
 * - a time already past: with no day named (下午3点, 3pm) it is tomorrow's; a weekday alone (周五) is next week's;
 *   a date without a year (1月3日) is next year's (chrono's forwardDate). A named day (今天, 明天) stays as said.
 * Full-width digits, letters and colons (１２月５日 １４：００) are read as their ASCII forms.
 */
export type NaturalTimeOptions = {
  readonly now: Date;
  readonly timeZone: string;
  readonly locale: Locale;
};

/** A time found in a text: the instant, and where in the text it was written (to cut it from the content). */
export type FoundTime = { readonly at: Date; readonly index: number; readonly end: number };

type PartOfDay = 'morning' | 'noon' | 'afternoon' | 'evening';

/** What one piece of text said about a day and a time, before defaults. */
type Piece = {
  index: number;
  end: number;
  /** The day as chrono placed it (or today), and how sure: named, a weekday only, or not said at all. */
  day: Pick<WallTime, 'year' | 'month' | 'day'>;
  dayKind: 'named' | 'weekday' | 'none';
  weekday?: number;
  time?: { hour: number; minute: number };
  part?: PartOfDay;
  deadline?: boolean;
  /** "next" or 下 was written with a weekday. */
  next?: boolean;
};

const DEFAULT_HOUR: Readonly<Record<PartOfDay | 'deadline' | 'day', number>> = {
  morning: 10,
  noon: 12,
  afternoon: 15,
  evening: 19,
  deadline: 18,
  day: 10,
};

const PARTS: readonly [RegExp, PartOfDay][] = [
  [/上午|早上|早晨|明早|morning/iu, 'morning'],
  // Before noon: "afternoon" contains it.
  [/下午|afternoon/iu, 'afternoon'],
  [/中午|noon/iu, 'noon'],
  [/晚上|今晚|明晚|傍晚|evening|tonight/iu, 'evening'],
];
/** A result that is only a part of the day, which chrono dates today although no day was said. */
const PART_ONLY =
  /^\s*(?:上午|早上|早晨|中午|下午|晚上|傍晚|this morning|this afternoon|this evening|morning|afternoon|evening|noon)\s*$/iu;
const DEADLINE_AFTER = /^\s*(?:之前|以前|前)/u;
const DEADLINE_BEFORE = /(?:\bby|\bbefore)\s+$/iu;
/** The day words chrono's zh parser lacks, with how many days ahead they are. */
const MISSING_DAYS = /大后天|后天/gu;

/** Every time found in a text, in the order written. */
export function findNaturalTimes(text: string, options: NaturalTimeOptions): FoundTime[] {
  const plain = halfWidth(text);
  const now = wallTimeOf(options.now, options.timeZone);
  // chrono reads its reference in the process's zone: give it the org's wall clock as a local Date.
  const reference = new Date(now.year, now.month - 1, now.day, now.hour, now.minute, now.second);
  const pieces = joinAdjacent(plain, [
    ...chronoPieces(plain, reference, options.locale),
    ...missingDays(plain, now),
  ]);
  return pieces.map((piece) => ({ at: resolve(piece, options), index: piece.index, end: piece.end }));
}

/** The first time in a text, or undefined when there is none. */
export function parseNaturalTime(text: string, options: NaturalTimeOptions): Date | undefined {
  return findNaturalTimes(text, options)[0]?.at;
}

/** ０-９, Ａ-ｚ, ： and the ideographic space as ASCII, one character for one, so indexes stay those of the input. */
function halfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E\u3000]/gu, (c) =>
    c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0),
  );
}

/** The reader's language first, then the other; where both found something, the longer reading wins. */
function chronoPieces(text: string, reference: Date, locale: Locale): Piece[] {
  const parsers = locale === 'en' ? [chrono.en, chrono.zh] : [chrono.zh, chrono.en];
  const all = parsers.flatMap((parser) =>
    parser.parse(text, reference, { forwardDate: true }).map((result) => pieceOf(text, result)),
  );
  // Longest first (a stable sort keeps the reader's language first on a tie), then whatever does not overlap.
  const found: Piece[] = [];
  for (const piece of all.sort((a, b) => b.end - b.index - (a.end - a.index))) {
    if (!found.some((p) => piece.index < p.end && p.index < piece.end)) found.push(piece);
  }
  return found;
}

function pieceOf(text: string, result: chrono.ParsedResult): Piece {
  const { start } = result;
  const leading = result.text.length - result.text.trimStart().length;
  let index = result.index + leading;
  let end = result.index + result.text.trimEnd().length;
  const body = text.slice(index, end);
  const partOnly = PART_ONLY.test(body);
  const weekdayOnly = start.isCertain('weekday') && !start.isCertain('day');
  const piece: Piece = {
    index,
    end,
    day: { year: start.get('year') ?? 0, month: start.get('month') ?? 1, day: start.get('day') ?? 1 },
    dayKind:
      partOnly || !(start.isCertain('day') || weekdayOnly) ? 'none' : weekdayOnly ? 'weekday' : 'named',
  };
  if (start.isCertain('weekday')) piece.weekday = start.get('weekday') ?? 0;
  if (/next|下/iu.test(body)) piece.next = true;
  if (start.isCertain('hour'))
    piece.time = { hour: start.get('hour') ?? 0, minute: start.get('minute') ?? 0 };
  const part = PARTS.find(([pattern]) => pattern.test(body))?.[1];
  if (part) piece.part = part;
  const after = DEADLINE_AFTER.exec(text.slice(end));
  const before = DEADLINE_BEFORE.exec(text.slice(0, index));
  if (after) end += after[0].length;
  if (before) index -= before[0].trimStart().length;
  if (after || before) Object.assign(piece, { deadline: true, index, end });
  return piece;
}

/** 后天 and 大后天 as pieces of their own: a day with no time, joined below with a time written after it. */
function missingDays(text: string, now: WallTime): Piece[] {
  return [...text.matchAll(MISSING_DAYS)].map((match) => ({
    index: match.index,
    end: match.index + match[0].length,
    day: addDays(now, match[0] === '后天' ? 2 : 3),
    dayKind: 'named' as const,
  }));
}

/** A day with no time followed (spaces only between) by a time or a part of the day with no day: one time. */
function joinAdjacent(text: string, pieces: Piece[]): Piece[] {
  const sorted = pieces
    .sort((a, b) => a.index - b.index || b.end - a.end)
    // A piece inside another (chrono's 下午 inside 后天下午 once joined) is dropped.
    .filter((p, i, all) => !all.slice(0, i).some((q) => q.index <= p.index && p.end <= q.end));
  const joined: Piece[] = [];
  for (const piece of sorted) {
    const last = joined.at(-1);
    const adjacent = last && text.slice(last.end, piece.index).trim() === '';
    if (last && adjacent && last.dayKind !== 'none' && !last.time && !last.part && piece.dayKind === 'none') {
      joined[joined.length - 1] = {
        ...last,
        ...pick(piece),
        end: piece.end,
        day: last.day,
        dayKind: last.dayKind,
      };
    } else if (piece.index >= (last?.end ?? 0)) joined.push(piece);
  }
  return joined;
}

const pick = (p: Piece) => ({
  ...(p.time ? { time: p.time } : {}),
  ...(p.part ? { part: p.part } : {}),
  ...(p.deadline ? { deadline: p.deadline } : {}),
});

/** The piece as an instant: its defaults, its weekday, and the rule for times already past (see the top). */
function resolve(piece: Piece, options: NaturalTimeOptions): Date {
  const now = wallTimeOf(options.now, options.timeZone);
  const hour = piece.time?.hour ?? DEFAULT_HOUR[piece.part ?? (piece.deadline ? 'deadline' : 'day')];
  // A weekday alone is the coming one (today while its time is ahead), not chrono's guess made with noon;
  // "next Friday" / 下周五 keep chrono's day.
  const fromToday = piece.dayKind === 'none' || (piece.dayKind === 'weekday' && !piece.next);
  let wall: WallTime = { ...(fromToday ? now : piece.day), hour, minute: piece.time?.minute ?? 0 };
  if (piece.weekday !== undefined) wall = addDays(wall, (piece.weekday - weekdayOf(wall) + 7) % 7);
  let at = instantOf(wall, options.timeZone);
  if (at <= options.now && piece.dayKind !== 'named') {
    at = instantOf(addDays(wall, piece.dayKind === 'weekday' ? 7 : 1), options.timeZone);
  }
  return at;
}

import type { ReportPeriod } from './report-types.js';

const DAY_MS = 86_400_000;
const partsFormats = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock date and time of an instant in a zone, as numbers. */
function wallClock(at: Date, timeZone: string) {
  let format = partsFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      ...{ year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' },
      second: 'numeric',
    });
    partsFormats.set(timeZone, format);
  }
  const n = Object.fromEntries(
    format
      .formatToParts(at)
      .filter((p) => p.type !== 'literal')
      .map((p) => [p.type, Number(p.value)]),
  ) as Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number>;
  return n;
}

/** How far the zone's wall clock is ahead of UTC at an instant (8 h for Asia/Shanghai), in ms. */
export function zoneOffsetMs(at: Date, timeZone: string): number {
  const w = wallClock(at, timeZone);
  const wallMs = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return wallMs - Math.floor(at.getTime() / 1000) * 1000;
}

/** The instant of a local midnight (day may overflow the month: JavaScript's Date.UTC rolls it over). */
export function localMidnight(year: number, month: number, day: number, timeZone: string): Date {
  const wall = Date.UTC(year, month - 1, day);
  // Twice: the offset at the guess may differ from the one at the answer across a DST change.
  let t = wall - zoneOffsetMs(new Date(wall), timeZone);
  t = wall - zoneOffsetMs(new Date(t), timeZone);
  return new Date(t);
}

/** The week (Monday 00:00 to the next Monday, local) holding `at`, moved by `weeks`. */
export function weekOf(at: Date, timeZone: string, weeks = 0): ReportPeriod {
  const w = wallClock(at, timeZone);
  const weekday = (new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay() + 6) % 7;
  const monday = w.day - weekday + weeks * 7;
  return {
    from: localMidnight(w.year, w.month, monday, timeZone),
    to: localMidnight(w.year, w.month, monday + 7, timeZone),
  };
}

/** A calendar month (local), `month` 1–12. */
export function monthPeriod(year: number, month: number, timeZone: string): ReportPeriod {
  return { from: localMidnight(year, month, 1, timeZone), to: localMidnight(year, month + 1, 1, timeZone) };
}

/** The words `/report` takes for a period, in both languages; `2026-11` is a month. */
const WORDS: Readonly<Record<string, (now: Date, timeZone: string) => ReportPeriod>> = {
  本周: (now, tz) => weekOf(now, tz),
  'this-week': (now, tz) => weekOf(now, tz),
  上周: (now, tz) => weekOf(now, tz, -1),
  'last-week': (now, tz) => weekOf(now, tz, -1),
  本月: (now, tz) => thisMonth(now, tz),
  'this-month': (now, tz) => thisMonth(now, tz),
  上月: (now, tz) => thisMonth(now, tz, -1),
  'last-month': (now, tz) => thisMonth(now, tz, -1),
};

function thisMonth(now: Date, timeZone: string, months = 0): ReportPeriod {
  const w = wallClock(now, timeZone);
  return monthPeriod(w.year, w.month + months, timeZone);
}

export const PERIOD_WORDS = Object.keys(WORDS);

/** A period named as people say it (本周, 上周, 本月, 上月, `2026-11`, or the English words); undefined otherwise. */
export function parsePeriodWord(word: string, now: Date, timeZone: string): ReportPeriod | undefined {
  const named = WORDS[word.trim().toLowerCase()];
  if (named) return named(now, timeZone);
  const month = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(word.trim());
  return month ? monthPeriod(Number(month[1]), Number(month[2]), timeZone) : undefined;
}

/** Days between two instants, for figures kept in ms. */
export const msToDays = (ms: number): number => ms / DAY_MS;

import { instantOf, wallTimeOf, weekdayOf } from '../shared/zoned-time.js';
import type { ReportPeriod } from './report-types.js';

const DAY_MS = 86_400_000;

/** The instant of a local midnight (day and month may overflow: Date.UTC rolls them over, as instantOf does). */
export const localMidnight = (year: number, month: number, day: number, timeZone: string): Date =>
  instantOf({ year, month, day, hour: 0, minute: 0 }, timeZone);

/** The week (Monday 00:00 to the next Monday, local) holding `at`, moved by `weeks`. */
export function weekOf(at: Date, timeZone: string, weeks = 0): ReportPeriod {
  const w = wallTimeOf(at, timeZone);
  const weekday = (weekdayOf(w) + 6) % 7; // 0 Monday
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
  const w = wallTimeOf(now, timeZone);
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

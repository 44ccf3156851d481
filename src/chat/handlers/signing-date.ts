import { localDay } from '../../core/shared/local-day.js';
import { instantOf } from '../../core/shared/zoned-time.js';

const DAY_MS = 86_400_000;

/** The instant a wall-clock date begins in a time zone (its local midnight). */
const startOfLocalDay = (year: number, month: number, day: number, timeZone: string): Date =>
  instantOf({ year, month, day, hour: 0, minute: 0 }, timeZone);

const RELATIVE: Readonly<Record<string, number>> = {
  今天: 0,
  今日: 0,
  today: 0,
  昨天: -1,
  yesterday: -1,
  前天: -2,
};

/**
 * A signing date as people type it, in the org's time zone: 今天 / today, 昨天 / yesterday, 前天, 2026-12-01,
 * 2026/12/1, 2026年12月1日, 12月1日 (this year's, or last year's when that day is still ahead: a contract is signed,
 * not planned). Not the chat's natural-time reader: that one looks ahead (a next contact), a signing date looks
 * back, and a date has no time of day.
 */
export function parseSigningDate(text: string, now: Date, timeZone: string): Date | undefined {
  const t = text.normalize('NFKC').trim().toLowerCase();
  const [ty, tm, td] = localDay(now, timeZone).split('-').map(Number) as [number, number, number];
  if (t in RELATIVE) {
    const today = startOfLocalDay(ty, tm, td, timeZone);
    return new Date(today.getTime() + (RELATIVE[t] ?? 0) * DAY_MS);
  }
  const full = /^(\d{4})[-/年.](\d{1,2})[-/月.](\d{1,2})日?$/.exec(t);
  const short = /^(\d{1,2})[月/](\d{1,2})日?$/.exec(t);
  const [y, m, d] = full
    ? [Number(full[1]), Number(full[2]), Number(full[3])]
    : short
      ? [ty, Number(short[1]), Number(short[2])]
      : [];
  if (y === undefined || m === undefined || d === undefined || m < 1 || m > 12 || d < 1 || d > 31)
    return undefined;
  const ahead = !full && (m > tm || (m === tm && d > td));
  return startOfLocalDay(ahead ? y - 1 : y, m, d, timeZone);
}

// Wall-clock times in a named time zone without a date library: Intl gives the offset at an instant, and a wall
// time is turned into an instant by trying the offset twice (once more where a DST change lies in between).

/** A calendar day and time of day as a person in some time zone reads it. */
export type WallTime = {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
};

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/** The wall time of an instant in a time zone (seconds dropped). */
export function wallTimeOf(at: Date, timeZone: string): WallTime & { readonly second: number } {
  const parts = Object.fromEntries(
    formatterFor(timeZone)
      .formatToParts(at)
      .map((p) => [p.type, Number(p.value)]),
  ) as Record<string, number>;
  return {
    year: parts.year ?? 1970,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

/** The zone's offset from UTC at an instant, in milliseconds (Shanghai: +8 h). */
function offsetAt(at: number, timeZone: string): number {
  const w = wallTimeOf(new Date(at), timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(at / 1000) * 1000;
}

/** How far the zone's wall clock is ahead of UTC at an instant (8 h for Asia/Shanghai), in ms. */
export const zoneOffsetMs = (at: Date, timeZone: string): number => offsetAt(at.getTime(), timeZone);

/**
 * The instant a wall time names in a time zone. A wall time skipped by a DST change (02:30 on a spring-forward
 * night) comes out an hour later, as a clock would show it; a repeated one takes its first occurrence.
 */
export function instantOf(wall: WallTime, timeZone: string): Date {
  const guess = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  const fits = (at: number) => offsetAt(at, timeZone) === guess - at;
  const first = guess - offsetAt(guess, timeZone);
  if (fits(first)) return new Date(first);
  // The offset at the guess was the other side of a DST change: the offset at the first try is the right one.
  const second = guess - offsetAt(first, timeZone);
  return new Date(fits(second) ? second : first);
}

/** The same wall time `days` later (calendar days: across a DST change it stays 10:00). */
export function addDays(wall: WallTime, days: number): WallTime {
  const d = new Date(Date.UTC(wall.year, wall.month - 1, wall.day + days));
  return { ...wall, year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** 0 Sunday … 6 Saturday, of a wall day. */
export function weekdayOf(wall: Pick<WallTime, 'year' | 'month' | 'day'>): number {
  return new Date(Date.UTC(wall.year, wall.month - 1, wall.day)).getUTCDay();
}

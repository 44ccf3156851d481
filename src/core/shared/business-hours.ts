/** Working time for deadlines, in the org's time zone: days 1 (Mon) … 7 (Sun), hours as "09:00". */
export type BusinessHours = {
  readonly days: readonly number[];
  readonly start: string;
  readonly end: string;
};

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();
const WEEKDAYS: Readonly<Record<string, number>> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

/** The wall clock in a time zone at an instant: ISO weekday, and milliseconds since local midnight. */
function wallClock(at: number, timeZone: string): { weekday: number; sinceMidnight: number } {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      weekday: 'short',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(new Date(at)).map((p) => [p.type, p.value]));
  const sinceMidnight =
    (Number(parts.hour) * 3600 + Number(parts.minute) * 60 + Number(parts.second)) * 1000 + (at % 1000);
  return { weekday: WEEKDAYS[parts.weekday ?? ''] ?? 1, sinceMidnight };
}

const minutesOf = (hhmm: string) => {
  const [h = '0', m = '0'] = hhmm.split(':');
  return Number(h) * 60 + Number(m);
};

/**
 * `hours` of working time after `from`: time outside the org's working days and hours does not count, so a lead
 * assigned on Friday evening is not reclaimed over the weekend. Walks a working day at a time.
 */
export function addBusinessHours(from: Date, hours: number, bh: BusinessHours, timeZone: string): Date {
  const openMs = minutesOf(bh.start) * 60_000;
  const closeMs = minutesOf(bh.end) * 60_000;
  if (bh.days.length === 0 || closeMs <= openMs) return new Date(from.getTime() + hours * 3_600_000);
  let t = from.getTime();
  let left = hours * 3_600_000;
  // A year of days is more than any ladder needs; the bound only guards against a bad configuration.
  for (let guard = 0; guard < 400; guard++) {
    const clock = wallClock(t, timeZone);
    const midnight = t - clock.sinceMidnight;
    if (bh.days.includes(clock.weekday) && clock.sinceMidnight < closeMs) {
      const start = Math.max(t, midnight + openMs);
      const available = midnight + closeMs - start;
      if (left <= available) return new Date(start + left);
      left -= available;
    }
    t = midnight + DAY_MS;
  }
  return new Date(from.getTime() + hours * 3_600_000);
}

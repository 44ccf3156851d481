// Daily caps reset at the org's midnight, not UTC's: 08:00 in Shanghai is already a new working day.
const formatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar day (YYYY-MM-DD) of an instant in a time zone. */
export function localDay(at: Date, timeZone: string): string {
  let format = formatters.get(timeZone);
  if (!format) {
    // en-CA formats dates as YYYY-MM-DD.
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    formatters.set(timeZone, format);
  }
  return format.format(at);
}

/** The next midnight in a time zone after an instant: when daily limits start again. */
export function nextLocalMidnight(at: Date, timeZone: string): Date {
  const today = localDay(at, timeZone);
  // Step forward an hour at a time from 1 h ahead; at most 24 steps, and only on a refusal path.
  let t = at.getTime() + 3_600_000;
  while (localDay(new Date(t), timeZone) === today) t += 3_600_000;
  // Back to the exact millisecond the day changed (about 22 halvings).
  let lo = t - 3_600_000;
  while (t - lo > 1) {
    const mid = Math.floor((lo + t) / 2);
    if (localDay(new Date(mid), timeZone) === today) lo = mid;
    else t = mid;
  }
  return new Date(t);
}

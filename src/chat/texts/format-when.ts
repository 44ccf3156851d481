import type { Locale } from '../../core/org/types.js';

/** An error's `until` (ISO) in the org's time zone (`timeZone` in the same details), as people read a time. */
export function when(details: Readonly<Record<string, unknown>>, locale: Locale): string {
  const until = typeof details.until === 'string' ? new Date(details.until) : undefined;
  if (!until || Number.isNaN(until.getTime())) return '';
  const timeZone = typeof details.timeZone === 'string' ? details.timeZone : 'Asia/Shanghai';
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(until);
}

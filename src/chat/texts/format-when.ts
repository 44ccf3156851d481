import type { Locale } from '../../core/org/types.js';
import { formatTime } from '../render/render-context.js';

/** An error's `until` (ISO) in the org's time zone (`timeZone` in the same details), as cards show times. */
export function when(details: Readonly<Record<string, unknown>>, locale: Locale): string {
  const until = typeof details.until === 'string' ? details.until : undefined;
  if (!until || Number.isNaN(new Date(until).getTime())) return '';
  const timeZone = typeof details.timeZone === 'string' ? details.timeZone : 'Asia/Shanghai';
  return formatTime(until, { locale, timeZone });
}

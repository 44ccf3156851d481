import type { Locale } from '../org/index.js';
import { wallTimeOf } from '../shared/zoned-time.js';
import { EXPORT_KIND_NAMES, type ExportFormat, type ExportKind } from './export-kinds.js';
import { formatDay } from './export-labels.js';

/** Whether [from, to) is one whole calendar month in the zone (then the file is named by the month). */
function monthOf(from: Date, to: Date, timeZone: string): string | undefined {
  const a = wallTimeOf(from, timeZone);
  const b = wallTimeOf(to, timeZone);
  const midnight = (w: typeof a) => w.day === 1 && w.hour === 0 && w.minute === 0 && w.second === 0;
  const next = a.month === 12 ? { y: a.year + 1, m: 1 } : { y: a.year, m: a.month + 1 };
  if (!midnight(a) || !midnight(b) || b.year !== next.y || b.month !== next.m) return undefined;
  return `${a.year}-${String(a.month).padStart(2, '0')}`;
}

/**
 * The file's name: the kind's title in the reader's language and the period, `跟进记录-2026-11.csv` for a month,
 * `leads-2026-11-03_2026-11-09.xlsx` for other ranges (the last day shown is the one `to` ends), and today's date
 * when no period was asked.
 */
export function exportFileName(input: {
  readonly kind: ExportKind;
  readonly format: ExportFormat;
  readonly locale: Locale;
  readonly timeZone: string;
  readonly now: Date;
  readonly from?: Date;
  readonly to?: Date;
}): string {
  const { from, to, timeZone } = input;
  const title = EXPORT_KIND_NAMES[input.kind][input.locale].title;
  const lastDay = (end: Date) => formatDay(new Date(end.getTime() - 1), timeZone);
  const period =
    (from && to && monthOf(from, to, timeZone)) ??
    (from
      ? `${formatDay(from, timeZone)}_${lastDay(to ?? input.now)}`
      : to
        ? lastDay(to)
        : formatDay(input.now, timeZone));
  return `${title}-${period}.${input.format}`;
}

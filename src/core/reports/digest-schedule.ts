import type { Org } from '../org/index.js';
import { addDays, instantOf, type WallTime, wallTimeOf } from '../shared/zoned-time.js';
import { digestSettingsOf } from './digest-settings.js';
import { weekOf } from './report-period.js';
import type { ReportPeriod } from './report-types.js';

/** A digest that is due: the ISO week it covers (`2026-W48`) and that week's period, Monday to Monday, local. */
export type DueDigest = { readonly week: string; readonly period: ReportPeriod };

/**
 * Whether the org's weekly digest is due at `now`: enabled, and this local week's slot (its weekday and time in the
 * org's time zone) has passed. What is due is always the previous full week, so a slot moved later in a week whose
 * digest went out already finds the same week, whose marker is done: settings never send a week twice.
 */
export function digestDue(
  org: Pick<Org, 'settings'> & Partial<Pick<Org, 'createdAt'>>,
  now: Date,
): DueDigest | undefined {
  const settings = digestSettingsOf(org);
  if (!settings.enabled) return undefined;
  const timeZone = org.settings.timeZone;
  const monday = wallTimeOf(weekOf(now, timeZone).from, timeZone);
  const [hour = 9, minute = 0] = settings.time.split(':').map(Number);
  const slot = instantOf({ ...addDays(monday, settings.weekday - 1), hour, minute }, timeZone);
  if (now < slot) return undefined;
  const period = weekOf(now, timeZone, -1);
  // A week that ended before the org existed has nothing to tell: a new org's first start after its slot would
  // otherwise greet everyone with an empty digest of a week it never had.
  if (org.createdAt && org.createdAt >= period.to) return undefined;
  return { week: isoWeekOf(wallTimeOf(period.from, timeZone)), period };
}

/** The ISO 8601 week of a local day, as `YYYY-Www` (the week belongs to the year of its Thursday). */
export function isoWeekOf(day: Pick<WallTime, 'year' | 'month' | 'day'>): string {
  const date = new Date(Date.UTC(day.year, day.month - 1, day.day));
  const weekday = (date.getUTCDay() + 6) % 7; // 0 Monday
  date.setUTCDate(date.getUTCDate() - weekday + 3); // that week's Thursday
  const year = date.getUTCFullYear();
  const week = Math.floor((date.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

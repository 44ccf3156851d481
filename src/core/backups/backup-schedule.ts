import { addDays, instantOf, type WallTime, wallTimeOf, weekdayOf } from '../shared/zoned-time.js';

/** One scheduled run: the key its run marker is stored under and the instant it was due. */
export type Slot = { readonly key: string; readonly at: Date };

const pad = (n: number) => String(n).padStart(2, '0');
const dayKey = (w: Pick<WallTime, 'year' | 'month' | 'day'>) => `${w.year}-${pad(w.month)}-${pad(w.day)}`;

function at(day: WallTime, time: string, timeZone: string): Date {
  const [hour = 0, minute = 0] = time.split(':').map(Number);
  return instantOf({ ...day, hour, minute }, timeZone);
}

/**
 * The latest daily run due at or before `now`: today's `time` in the zone if it has passed, else yesterday's. A
 * run missed (the service was down at 02:00) is therefore still due when the service comes back that day.
 */
export function dailySlot(now: Date, timeZone: string, time: string): Slot {
  const today = wallTimeOf(now, timeZone);
  const todayAt = at(today, time, timeZone);
  const day = todayAt.getTime() <= now.getTime() ? today : addDays(today, -1);
  return { key: `daily:${dayKey(day)}`, at: at(day, time, timeZone) };
}

/** The latest weekly run due at or before `now` (weekday 1 Monday … 7 Sunday). */
export function weeklySlot(now: Date, timeZone: string, weekday: number, time: string): Slot {
  const today = wallTimeOf(now, timeZone);
  const back = (weekdayOf(today) - (weekday % 7) + 7) % 7;
  let day = addDays(today, -back);
  if (at(day, time, timeZone).getTime() > now.getTime()) day = addDays(day, -7);
  return { key: `weekly:${dayKey(day)}`, at: at(day, time, timeZone) };
}

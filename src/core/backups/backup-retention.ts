import { localDay } from '../shared/local-day.js';
import { wallTimeOf, weekdayOf } from '../shared/zoned-time.js';

export type RetainedBackup = {
  readonly name: string;
  readonly createdAt: Date;
  /** Backups are pruned within their scope: the whole database, or one org's own backups. */
  readonly scope: string;
};

/**
 * Which backups to delete: within each scope, the newest backup of each of the `daily` latest days that have one
 * is kept, and the newest of each of the `weekly` latest weeks (Monday to Sunday, in the zone); the rest go. The
 * newest backup is always kept, so pruning can never leave a scope with none.
 */
export function backupsToPrune(
  backups: readonly RetainedBackup[],
  retention: { readonly daily: number; readonly weekly: number },
  timeZone: string,
): string[] {
  const byScope = new Map<string, RetainedBackup[]>();
  for (const b of backups) byScope.set(b.scope, [...(byScope.get(b.scope) ?? []), b]);
  return [...byScope.values()].flatMap((group) => {
    const newestFirst = [...group].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
    const keep = new Set<string>([
      ...newestPer(newestFirst, (b) => localDay(b.createdAt, timeZone), retention.daily),
      ...newestPer(newestFirst, (b) => weekOf(b.createdAt, timeZone), retention.weekly),
    ]);
    return newestFirst.filter((b) => !keep.has(b.name)).map((b) => b.name);
  });
}

function newestPer(newestFirst: readonly RetainedBackup[], period: (b: RetainedBackup) => string, n: number) {
  const seen = new Map<string, string>();
  for (const backup of newestFirst) {
    const key = period(backup);
    if (!seen.has(key) && seen.size < n) seen.set(key, backup.name);
  }
  return seen.values();
}

/** The Monday that starts the backup's week, in the zone. */
function weekOf(at: Date, timeZone: string): string {
  const wall = wallTimeOf(at, timeZone);
  const sinceMonday = (weekdayOf(wall) + 6) % 7;
  return localDay(new Date(at.getTime() - sinceMonday * 86_400_000), timeZone);
}

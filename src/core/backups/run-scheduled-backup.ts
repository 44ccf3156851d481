import { allOrgs, type BackupDeps, errorText, RUN_LEASE_MS } from './backup-deps.js';
import { failureReason, tellAdmins } from './backup-notices.js';
import { backupsToPrune } from './backup-retention.js';
import { dailySlot } from './backup-schedule.js';
import { backupSettingsOf, scheduleOrg } from './backup-settings.js';

export type ScheduledBackupOutcome =
  | { readonly ran: false }
  | {
      readonly ran: true;
      readonly name?: string;
      readonly pruned: readonly string[];
      readonly error?: string;
    };

/**
 * The daily backup: at the schedule org's time in its zone (see scheduleOrg), once per day across instances (the
 * slot's run marker is claimed by one atomic write), a whole-database backup; after a good one, retention prunes
 * the older ones. A failure is told to every org's admins in chat and marks the slot failed (not retried every
 * minute: the admins are told and can run `npm run backup`). `done` is this process's memory of slots finished.
 */
export async function runScheduledBackup(
  deps: BackupDeps,
  done: Set<string> = new Set(),
): Promise<ScheduledBackupOutcome> {
  const now = deps.clock.now();
  const orgs = await allOrgs(deps);
  const ruling = scheduleOrg(orgs);
  if (!ruling) return { ran: false };
  const settings = backupSettingsOf(ruling);
  const slot = dailySlot(now, ruling.settings.timeZone, settings.time);
  const key = `backup:${slot.key}`;
  if (done.has(key)) return { ran: false };
  done.add(key);
  if (!(await deps.runs.claim(key, now, RUN_LEASE_MS))) return { ran: false };
  try {
    const written = await deps.backups.write({ now });
    const pruned = await prune(deps, settings.retention, ruling.settings.timeZone);
    await deps.runs.finish(key, 'done', deps.clock.now(), written.name);
    return { ran: true, name: written.name, pruned };
  } catch (error) {
    const message = errorText(error);
    await deps.runs.finish(key, 'failed', deps.clock.now(), message);
    for (const org of orgs) {
      const data = { reason: failureReason(error), error: message, at: now.toISOString() };
      await tellAdmins(deps, org.id, `backup-failed:${slot.key}`, { kind: 'backup.failed', data });
    }
    return { ran: true, pruned: [], error: message };
  }
}

async function prune(
  deps: Pick<BackupDeps, 'backups'>,
  retention: { readonly daily: number; readonly weekly: number },
  timeZone: string,
): Promise<string[]> {
  const listed = await deps.backups.list();
  const names = backupsToPrune(
    listed.map((b) => ({
      name: b.name,
      createdAt: new Date(b.manifest.createdAt),
      scope: b.manifest.scope.kind === 'all' ? 'all' : `org:${b.manifest.scope.orgId}`,
    })),
    retention,
    timeZone,
  );
  for (const name of names) await deps.backups.remove(name);
  return names;
}

import { recordBackupMade } from './audit-backups.js';
import { allOrgs, type BackupDeps, errorText, RUN_LEASE_MS } from './backup-deps.js';
import { failureReason, tellAdmins } from './backup-notices.js';
import { backupsToPrune } from './backup-retention.js';
import { dailySlot } from './backup-schedule.js';
import { backupSettingsOf, scheduleOrg } from './backup-settings.js';
import type { StoredBackup } from './ports.js';

/** The job's name, as the scheduler runs it (src/jobs/backup-jobs.ts) and the audit trail names it. */
export const DAILY_BACKUP_JOB = 'backups.daily';

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
  let made: { written: StoredBackup; pruned: string[] };
  try {
    const written = await deps.backups.write({ now });
    const pruned = await prune(deps, settings.retention, ruling.settings.timeZone);
    await deps.runs.finish(key, 'done', deps.clock.now(), written.name);
    made = { written, pruned };
  } catch (error) {
    const message = errorText(error);
    await deps.runs.finish(key, 'failed', deps.clock.now(), message);
    for (const org of orgs) {
      const data = { reason: failureReason(error), error: message, at: now.toISOString() };
      await tellAdmins(deps, org.id, `backup-failed:${slot.key}`, { kind: 'backup.failed', data });
    }
    return { ran: true, pruned: [], error: message };
  }
  // Outside the try: the backup is final (manifest written, file renamed) and its slot done, so an audit write that
  // fails is that, not a failed backup to tell the admins about; and the entry is in no backup until the next one.
  await recordBackupMade(deps, orgs, { job: DAILY_BACKUP_JOB }, made.written);
  return { ran: true, name: made.written.name, pruned: made.pruned };
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

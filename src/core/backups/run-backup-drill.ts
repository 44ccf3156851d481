import { recordDrill } from './audit-backups.js';
import { allOrgs, type BackupDeps, errorText, RUN_LEASE_MS } from './backup-deps.js';
import type { BackupDrillData } from './backup-notices.js';
import { tellAdmins } from './backup-notices.js';
import { weeklySlot } from './backup-schedule.js';
import { backupSettingsOf, scheduleOrg } from './backup-settings.js';
import type { DrillResult, StoredBackup } from './ports.js';

/** The job's name, as the scheduler runs it (src/jobs/backup-jobs.ts) and the audit trail names it. */
export const BACKUP_DRILL_JOB = 'backups.drill';

/** How many differences a drill report lists (the rest are counted in the logs, not in chat). */
export const DRILL_DIFFERENCES_SHOWN = 5;

export type DrillOutcome =
  | { readonly ran: false }
  | ({ readonly ran: true } & DrillResult & { backup?: string });

/**
 * The restore drill (备份演练): weekly by default, once across instances, the latest whole-database backup is
 * restored into a scratch database (`<db>_drill_<time>`) with the real restore, compared with its manifest and
 * dropped; every org's admins are told the result with their own org's figure ("备份演练通过：32,104 条记录，耗时
 * 41 秒"), or what differed. No backup to drill is a failure too: it means the backups are not being made.
 */
export async function runBackupDrill(deps: BackupDeps, done: Set<string> = new Set()): Promise<DrillOutcome> {
  const now = deps.clock.now();
  const orgs = await allOrgs(deps);
  const ruling = scheduleOrg(orgs);
  if (!ruling) return { ran: false };
  const { drill } = backupSettingsOf(ruling);
  if (!drill.enabled) return { ran: false };
  const slot = weeklySlot(now, ruling.settings.timeZone, drill.weekday, drill.time);
  const key = `drill:${slot.key}`;
  if (done.has(key)) return { ran: false };
  done.add(key);
  if (!(await deps.runs.claim(key, now, RUN_LEASE_MS))) return { ran: false };
  const latest = (await deps.backups.list()).find((b) => b.manifest.scope.kind === 'all');
  const result: DrillResult = latest
    ? await drillOne(deps, latest, now)
    : { documents: 0, differences: [], error: 'no whole-database backup to drill' };
  const seconds = Math.round((deps.clock.now().getTime() - now.getTime()) / 1000);
  const passed = result.error === undefined && result.differences.length === 0;
  await deps.runs.finish(key, passed ? 'done' : 'failed', deps.clock.now(), result.error);
  for (const org of orgs) {
    const data: BackupDrillData = {
      passed,
      ...(latest ? { backupAt: latest.manifest.createdAt } : {}),
      documents: latest?.manifest.orgs.find((o) => o.orgId === org.id)?.documents ?? 0,
      seconds,
      differences: result.differences.slice(0, DRILL_DIFFERENCES_SHOWN),
      ...(result.error !== undefined
        ? { failure: latest ? 'restore_failed' : 'no_backup', error: result.error }
        : {}),
    } as BackupDrillData;
    await tellAdmins(deps, org.id, `backup-drill:${slot.key}`, { kind: 'backup.drill', data });
  }
  // After the admins were told (an audit write that fails must not keep the report from them). The drill wrote
  // only to its scratch database, dropped by now, so its entries go to the live one.
  await recordDrill(
    deps,
    orgs,
    { job: BACKUP_DRILL_JOB },
    {
      slot: slot.key,
      ...(latest ? { backup: latest } : {}),
      passed,
      differences: result.differences.length,
      ...(result.error !== undefined ? { error: result.error } : {}),
    },
  );
  return { ran: true, ...result, ...(latest ? { backup: latest.name } : {}) };
}

async function drillOne(deps: BackupDeps, backup: StoredBackup, now: Date): Promise<DrillResult> {
  const stamp = now.toISOString().replace(/[-:.]/g, '').slice(0, 15);
  try {
    return await deps.backups.drill(backup.name, `${deps.backups.databaseName}_drill_${stamp}`);
  } catch (error) {
    return { documents: 0, differences: [], error: errorText(error) };
  }
}

import { z } from 'zod';
import type { Org } from '../org/index.js';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time as HH:MM');

/**
 * Backup settings of an org (`OrgSettings.backups`); every field optional when stored. The backup is of the whole
 * database, so one org's settings rule the schedule: the first org created (in a one-team install, the org itself;
 * see scheduleOrg). Each org's admins are told about failures and drills all the same.
 */
export const backupSettingsSchema = z.strictObject({
  /** The daily backup's time, HH:MM in the org's time zone. */
  time: hhmm.optional(),
  /** How many of the newest daily and weekly backups are kept (the newest backup of each day, of each week). */
  retention: z
    .strictObject({
      daily: z.number().int().min(1).max(366).optional(),
      weekly: z.number().int().min(0).max(520).optional(),
    })
    .optional(),
  /** The restore drill: a weekday (1 Monday … 7 Sunday) and a time, or off. */
  drill: z
    .strictObject({
      enabled: z.boolean().optional(),
      weekday: z.number().int().min(1).max(7).optional(),
      time: hhmm.optional(),
    })
    .optional(),
});

export type BackupSettings = z.output<typeof backupSettingsSchema>;

export const DEFAULT_BACKUP_SETTINGS = {
  time: '02:00',
  retention: { daily: 7, weekly: 4 },
  // Sunday, two hours after the daily backup: the drill restores the backup of that very night.
  drill: { enabled: true, weekday: 7, time: '04:00' },
} as const;

export type ResolvedBackupSettings = {
  readonly time: string;
  readonly retention: { readonly daily: number; readonly weekly: number };
  readonly drill: { readonly enabled: boolean; readonly weekday: number; readonly time: string };
};

export function backupSettingsOf(org: Pick<Org, 'settings'>): ResolvedBackupSettings {
  const own = org.settings.backups ?? {};
  const d = DEFAULT_BACKUP_SETTINGS;
  return {
    time: own.time ?? d.time,
    retention: {
      daily: own.retention?.daily ?? d.retention.daily,
      weekly: own.retention?.weekly ?? d.retention.weekly,
    },
    drill: {
      enabled: own.drill?.enabled ?? d.drill.enabled,
      weekday: own.drill?.weekday ?? d.drill.weekday,
      time: own.drill?.time ?? d.drill.time,
    },
  };
}

/** The org whose settings rule the service's schedule: the first created (ties: the smaller id). */
export function scheduleOrg<O extends Pick<Org, 'id' | 'createdAt'>>(orgs: readonly O[]): O | undefined {
  return [...orgs].sort(
    (a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id),
  )[0];
}

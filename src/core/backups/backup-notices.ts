import type { Member, MemberRepository } from '../org/index.js';
import type { OrgId } from '../shared/ids.js';
import type { Notice, Notifier } from '../shared/notices.js';
import type { BackupDifference } from './backup-manifest.js';

/** Why a backup failed, as a kind the card names in the reader's language. */
export type BackupFailureReason = 'disk_full' | 'no_access' | 'database' | 'other';

export type BackupFailedData = {
  readonly reason: BackupFailureReason;
  /** What went wrong, as the driver said it (for the logs and English readers). */
  readonly error: string;
  readonly at: string;
};

export type BackupDrillData = {
  readonly passed: boolean;
  /** When the drilled backup was made. */
  readonly backupAt?: string;
  /** This org's documents in the backup (each org is told its own figure). */
  readonly documents: number;
  readonly seconds: number;
  /** The first differences found (collection, what, expected, found). */
  readonly differences: readonly BackupDifference[];
  /** Why it failed when it is not a difference: no backup to drill, or the restore itself failed. */
  readonly failure?: 'no_backup' | 'restore_failed';
  readonly error?: string;
};

/** A driver's error as a reason: the disk (ENOSPC), the directory's permissions, the database, or other. */
export function failureReason(error: unknown): BackupFailureReason {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOSPC') return 'disk_full';
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return 'no_access';
  if (error instanceof Error && error.name.startsWith('Mongo')) return 'database';
  return 'other';
}

declare module '../shared/notices.js' {
  interface NoticeDataByKind {
    'backup.failed': BackupFailedData;
    'backup.drill': BackupDrillData;
  }
}

const isAdmin = (m: Member) => m.roles.includes('admin');

/** Tells every active admin of the org, each in their DM; `key` makes a repeat of the same run a no-op. */
export async function tellAdmins(
  deps: { readonly members: Pick<MemberRepository, 'list'>; readonly notifier: Notifier },
  orgId: OrgId,
  key: string,
  notice: Pick<Notice<'backup.failed'>, 'kind' | 'data'> | Pick<Notice<'backup.drill'>, 'kind' | 'data'>,
): Promise<number> {
  const admins = (await deps.members.list(orgId, { activeOnly: true })).filter(isAdmin);
  const notices = admins.map(
    (admin) =>
      ({
        ...notice,
        to: { kind: 'member', memberId: admin.id },
        mode: 'post',
        idempotencyKey: `${key}:${admin.id}`,
      }) as Notice,
  );
  if (notices.length > 0) await deps.notifier.publish(orgId, notices);
  return notices.length;
}

import type { AuditLog } from '../audit/index.js';
import type { MemberRepository, Org, OrgRepository } from '../org/index.js';
import { PLATFORMS } from '../org/index.js';
import type { Clock } from '../shared/clock.js';
import type { Notifier } from '../shared/notices.js';
import type { BackupRuns, Backups } from './ports.js';

export type BackupDeps = {
  readonly backups: Backups;
  readonly runs: BackupRuns;
  readonly orgs: Pick<OrgRepository, 'listByPlatform'>;
  readonly members: Pick<MemberRepository, 'list'>;
  readonly notifier: Notifier;
  readonly clock: Clock;
  /** The audit trail (core/audit): `backup.make` per daily backup, `backup.drill` per drill; absent, none. */
  readonly audit?: AuditLog;
};

/** Every org of the service, on every platform (the backup is of the whole database). */
export async function allOrgs(deps: Pick<BackupDeps, 'orgs'>): Promise<Org[]> {
  return (await Promise.all(PLATFORMS.map((p) => deps.orgs.listByPlatform(p)))).flat();
}

/** A lease longer than any backup or drill should take; a holder that died is replaced after it. */
export const RUN_LEASE_MS = 2 * 3_600_000;

export const errorText = (error: unknown): string =>
  (error instanceof Error ? error.message : String(error)).split('\n')[0]?.slice(0, 500) ?? '';

import path from 'node:path';
import type { Db } from 'mongodb';
import type { BackupDifference } from '../../core/backups/index.js';
import { type OwnedCollection, orgFilter, orgIdValue } from './backup-collections.js';
import { documentsOf, type OpenedBackup, verifyBackup } from './read-backup.js';
import {
  holderMayBeRunning,
  keepLease,
  newHolder,
  type RestoreHolder,
  takeOverMarker,
} from './restore-lease.js';
import {
  claimRestore,
  discardStaging,
  finishSwap,
  markSwapping,
  pendingRestore,
  type RestoreMarker,
  type RestoreMode,
  type RestorePlanEntry,
  stageCollection,
} from './restore-swap.js';

export type RestoreProgress = (phase: 'verify' | 'restore', done: number, total: number) => void;

export type RestoreOptions = {
  readonly db: Db;
  readonly backup: OpenedBackup;
  /** This version's collections (what "non-empty" is checked on, and each one's org key). */
  readonly owned: readonly OwnedCollection[];
  /** One org only, into a database that may hold others. */
  readonly orgId?: string;
  /** Overwrite what is there (the whole database, or that org's documents). */
  readonly force?: boolean;
  readonly onProgress?: RestoreProgress;
  readonly pauseMs?: number;
  /** The drill's scratch restore leaves TTL indexes out (see stageCollection). */
  readonly skipTtlIndexes?: boolean;
};

export type RestoreResult = {
  readonly documents: number;
  readonly collections: number;
  /** The backup whose interrupted swap this run completed first, if any. */
  readonly completedInterrupted?: string;
};

export type RestoreRefusalKind =
  | 'checksum'
  | 'not_empty'
  | 'org_not_in_backup'
  | 'in_progress'
  | 'workspace_taken';

/** Why a restore did not start; nothing was written when this is thrown. */
export class RestoreRefused extends Error {
  constructor(
    readonly kind: RestoreRefusalKind,
    message: string,
    readonly differences: readonly BackupDifference[] = [],
  ) {
    super(message);
    this.name = 'RestoreRefused';
  }
}

/**
 * Restores a backup: first completes a restore a crash interrupted, then verifies every checksum of the archive
 * (before anything is written), refuses to overwrite data without `force`, stages every collection, and swaps
 * (restore-swap.ts explains why that is crash-safe). Into an empty database, or one org into a database that holds
 * others (only documents carrying that org's id are touched).
 */
export async function restoreBackup(options: RestoreOptions): Promise<RestoreResult> {
  const { db, backup } = options;
  const interrupted = await completeInterrupted(db);
  const completedInterrupted = interrupted?.backup;
  const mode = modeOf(options);
  const plan = planOf(options, mode);
  // The run a kill interrupted was this very restore: completing its swap was all that was left to do.
  if (interrupted && sameRestore(interrupted, options, mode)) {
    return {
      documents: expectedDocuments(options, mode),
      collections: plan.length,
      completedInterrupted: interrupted.backup,
    };
  }
  const verifyTotal = backup.manifest.documents;
  const differences = await verifyBackup(backup, progressOf(options, 'verify', verifyTotal));
  if (differences.length > 0) {
    throw new RestoreRefused('checksum', describe(differences), differences);
  }
  if (!options.force) await refuseExisting(db, plan, mode);
  if (mode.kind === 'org') await refuseTakenWorkspace(db, backup, mode.orgId);
  const holder = newHolder(new Date());
  const claimed = await claimRestore(db, {
    backup: path.basename(backup.file),
    mode: mode.kind,
    ...(mode.kind === 'org' ? { orgId: mode.orgId } : {}),
    collections: plan,
    startedAt: new Date(),
    ...holder,
  });
  if (!claimed) throw await refusedAsRunning(db);
  const lease = keepLease(db, holder.owner);
  try {
    const restoreTotal = expectedDocuments(options, mode);
    const progress = progressOf(options, 'restore', restoreTotal);
    let documents = 0;
    for (const entry of plan) {
      const hooks = {
        onProgress: progress,
        skipTtlIndexes: options.skipTtlIndexes ?? false,
        assertHeld: lease.assertHeld,
        ...pause(options),
      };
      documents += await stageCollection(db, backup, entry, mode, hooks);
    }
    await markSwapping(db, holder.owner);
    const marker = await pendingRestore(db);
    if (marker) await finishSwap(db, marker, { ...pause(options), assertHeld: lease.assertHeld });
    return { documents, collections: plan.length, ...(completedInterrupted ? { completedInterrupted } : {}) };
  } finally {
    lease.stop();
  }
}

/**
 * A swap a kill interrupted is completed; a staging phase it interrupted is discarded (the live data is intact).
 * Only a marker whose holder is gone is touched (restore-lease.ts): a restore still running is refused, never
 * taken for a crash's leftover (that dropped its staging and interleaved two swaps).
 */
export async function completeInterrupted(db: Db): Promise<RestoreMarker | undefined> {
  const marker = await pendingRestore(db);
  if (!marker) return undefined;
  if (holderMayBeRunning(marker, new Date())) throw refusal(db, marker);
  const holder: RestoreHolder = newHolder(new Date());
  // Of two runs finding the same dead holder, one takes the marker over; the other is refused as running.
  if (!(await takeOverMarker(db, marker.owner, holder))) throw await refusedAsRunning(db);
  const mine: RestoreMarker = { ...marker, ...holder };
  const lease = keepLease(db, holder.owner);
  try {
    if (marker.state === 'staging') {
      await discardStaging(db, mine);
      return undefined;
    }
    await finishSwap(db, mine, { assertHeld: lease.assertHeld });
    return marker;
  } finally {
    lease.stop();
  }
}

async function refusedAsRunning(db: Db): Promise<RestoreRefused> {
  const other = await pendingRestore(db);
  return other
    ? refusal(db, other)
    : new RestoreRefused('in_progress', 'another restore has just finished: run again');
}

/** Says which restore is running, from where, and when a holder that died on another machine counts as gone. */
function refusal(db: Db, marker: RestoreMarker): RestoreRefused {
  const what = `${marker.backup}${marker.orgId ? ` (org ${marker.orgId})` : ''}`;
  const who = marker.host ? ` on ${marker.host} (pid ${marker.pid})` : '';
  const until = marker.leaseUntil?.toISOString() ?? 'its lease passes';
  return new RestoreRefused(
    'in_progress',
    `another restore into ${db.databaseName} is running: ${what}, started ${marker.startedAt.toISOString()}${who}. ` +
      `Wait for it to finish; if that process died on another machine, run again after ${until}.`,
  );
}

function sameRestore(marker: RestoreMarker, options: RestoreOptions, mode: RestoreMode): boolean {
  const orgId = mode.kind === 'org' ? mode.orgId : undefined;
  return (
    marker.backup === path.basename(options.backup.file) &&
    marker.mode === mode.kind &&
    marker.orgId === orgId
  );
}

function modeOf(options: RestoreOptions): RestoreMode {
  const { scope, orgs } = options.backup.manifest;
  const orgId = options.orgId ?? (scope.kind === 'org' ? scope.orgId : undefined);
  if (!orgId) return { kind: 'all' };
  if (!orgs.some((o) => o.orgId === orgId))
    throw new RestoreRefused('org_not_in_backup', `the backup holds no org ${orgId}`);
  return { kind: 'org', orgId };
}

/** What is restored: every collection of the backup; for one org, those whose documents carry an org id. */
function planOf(options: RestoreOptions, mode: RestoreMode): RestorePlanEntry[] {
  const keys = new Map(options.owned.map((c) => [c.name, c.orgKey]));
  const plan = options.backup.manifest.collections.map((c) => ({
    name: c.name,
    orgKey: keys.get(c.name) ?? 'none',
  }));
  return mode.kind === 'org' ? plan.filter((c) => c.orgKey !== 'none') : plan;
}

async function refuseExisting(db: Db, plan: readonly RestorePlanEntry[], mode: RestoreMode): Promise<void> {
  const holding: string[] = [];
  for (const entry of plan) {
    const filter = mode.kind === 'org' ? orgFilter(entry.orgKey, mode.orgId, orgIdValue(mode.orgId)) : {};
    if ((await db.collection(entry.name).countDocuments(filter, { limit: 1 })) > 0) holding.push(entry.name);
  }
  if (holding.length === 0) return;
  const what =
    mode.kind === 'org'
      ? `org ${mode.orgId} already has data`
      : `the database ${db.databaseName} is not empty`;
  throw new RestoreRefused('not_empty', `${what} (${holding.join(', ')}): add --force to overwrite it`);
}

/** Another org already uses this org's chat workspace: the unique index would refuse it half-way through the swap. */
async function refuseTakenWorkspace(db: Db, backup: OpenedBackup, orgId: string): Promise<void> {
  for await (const org of documentsOf(backup, 'orgs')) {
    if (String(org._id) !== orgId) continue;
    const taken = await db.collection('orgs').findOne({
      'chat.platform': org.chat?.platform,
      'chat.workspaceId': org.chat?.workspaceId,
      _id: { $ne: org._id },
    });
    if (taken) {
      throw new RestoreRefused(
        'workspace_taken',
        `org ${String(taken._id)} already uses this org's chat workspace`,
      );
    }
  }
}

function expectedDocuments(options: RestoreOptions, mode: RestoreMode): number {
  if (mode.kind === 'all') return options.backup.manifest.documents;
  return options.backup.manifest.orgs.find((o) => o.orgId === mode.orgId)?.documents ?? 0;
}

function progressOf(options: RestoreOptions, phase: 'verify' | 'restore', total: number) {
  let done = 0;
  return (n: number) => {
    done += n;
    options.onProgress?.(phase, done, Math.max(total, done));
  };
}

const pause = (options: RestoreOptions) => (options.pauseMs ? { pauseMs: options.pauseMs } : {});

function describe(differences: readonly BackupDifference[]): string {
  const lines = differences.map(
    (d) => `${d.collection}: ${d.what} (expected ${d.expected}, found ${d.actual})`,
  );
  return `the backup does not match its manifest; nothing was written:\n  ${lines.join('\n  ')}`;
}

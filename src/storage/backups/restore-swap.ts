import { setTimeout as sleep } from 'node:timers/promises';
import type { Db, Document } from 'mongodb';
import { isDuplicateKeyError } from '../object-id.js';
import { type OrgKey, orgFilter, orgIdValue, orgOfDocument } from './backup-collections.js';
import { documentsOf, indexesOf, type OpenedBackup } from './read-backup.js';
import type { RestoreHolder } from './restore-lease.js';

/**
 * The restore's crash safety. Documents go first into staging collections (`<name>__restore`), which the service
 * never reads; only when every one is complete does one write turn the marker to `swapping`, and from then on the
 * staging collections replace the live ones:
 * - whole database: `renameCollection` with `dropTarget`, atomic per collection on MongoDB;
 * - one org (the others' documents stay): per collection, delete that org's documents, copy the staged ones in,
 *   drop the staging collection. A re-run repeats the delete-then-copy of an unfinished collection, so it is
 *   idempotent.
 * The marker lists the collections done. A kill before `swapping` leaves the old data untouched (the next run
 * drops the staging); a kill after it leaves the swap recorded, and the next run of `npm run restore` completes it
 * before anything else — and the service refuses to start while one is pending (see pendingRestore). So the data
 * is either the old or, once the swap is complete, the new; a half-restored state is never left for anyone to use.
 * The marker names its holder and a lease (restore-lease.ts): a second restore while one runs is refused, and every
 * marker write below is conditioned on the holder.
 */
export const RESTORE_STATE = 'restore_state';
export const MARKER_ID = 'restore';
const BATCH = 1000;

export type RestoreMode = { readonly kind: 'all' } | { readonly kind: 'org'; readonly orgId: string };

export type RestorePlanEntry = { readonly name: string; readonly orgKey: OrgKey };

export type RestoreMarker = {
  readonly _id: typeof MARKER_ID;
  readonly backup: string;
  readonly mode: 'all' | 'org';
  readonly orgId?: string;
  readonly state: 'staging' | 'swapping';
  readonly collections: readonly RestorePlanEntry[];
  readonly swapped: readonly string[];
  readonly startedAt: Date;
} & Partial<RestoreHolder>;

export type SwapHooks = {
  readonly onProgress?: (done: number) => void;
  /** Test hook (RESTORE_TEST_PAUSE_MS): a pause after each collection staged or swapped. */
  readonly pauseMs?: number;
  /** The drill's scratch restore: no TTL indexes (see stageCollection). */
  readonly skipTtlIndexes?: boolean;
  /** Throws once this run's lease was taken over (restore-lease.ts): checked before every write. */
  readonly assertHeld?: () => void;
};

export const stagingName = (name: string) => `${name}__restore`;

const markers = (db: Db) => db.collection<RestoreMarker>(RESTORE_STATE);

/** The restore a crash interrupted, if any. */
export async function pendingRestore(db: Db): Promise<RestoreMarker | null> {
  return markers(db).findOne({ _id: MARKER_ID });
}

/** Claims the database for one restore (one insert: a second restore at the same time is refused). */
export async function claimRestore(
  db: Db,
  marker: Omit<RestoreMarker, '_id' | 'state' | 'swapped'>,
): Promise<boolean> {
  try {
    await markers(db).insertOne({ _id: MARKER_ID, state: 'staging', swapped: [], ...marker });
    return true;
  } catch (error) {
    if (isDuplicateKeyError(error)) return false;
    throw error;
  }
}

/** Drops what an unfinished staging phase wrote and releases the marker: the live data was never touched. */
export async function discardStaging(
  db: Db,
  marker: Pick<RestoreMarker, 'collections' | 'owner'>,
): Promise<void> {
  for (const c of marker.collections) await dropIfExists(db, stagingName(c.name));
  await markers(db).deleteOne({ _id: MARKER_ID, ...heldBy(marker.owner) });
}

/** The filter that matches the marker only while this holder has it. */
const heldBy = (owner: string | undefined) => (owner ? { owner } : {});

/** Fills one staging collection from the backup (one org's documents only in org mode); returns how many. */
export async function stageCollection(
  db: Db,
  backup: OpenedBackup,
  entry: RestorePlanEntry,
  mode: RestoreMode,
  hooks: SwapHooks,
): Promise<number> {
  const staging = stagingName(entry.name);
  await dropIfExists(db, staging);
  await db.createCollection(staging);
  // Indexes before the documents: the offline dev server cannot build a unique multikey index over existing
  // documents (MongoDB can), and a unique index then refuses a bad document at its insert, before any swap. TTL
  // indexes come after, and the drill leaves them out: MongoDB's TTL monitor would otherwise delete documents that
  // expired since the backup while the drill is still counting them.
  const indexes = await indexesOf(backup, entry.name);
  const ttl = (index: Document) => index.expireAfterSeconds !== undefined;
  const target = mode.kind === 'all' ? staging : entry.name;
  const buildIndexes = mode.kind === 'all' || (await indexCount(db, entry.name)) <= 1;
  if (buildIndexes)
    await createIndexes(
      db,
      target,
      indexes.filter((i) => !ttl(i)),
    );
  let batch: Document[] = [];
  let count = 0;
  const flush = async () => {
    hooks.assertHeld?.();
    if (batch.length > 0) await db.collection(staging).insertMany(batch, { ordered: true });
    hooks.onProgress?.(batch.length);
    batch = [];
  };
  for await (const doc of documentsOf(backup, entry.name)) {
    if (mode.kind === 'org' && orgOfDocument(entry.orgKey, doc) !== mode.orgId) continue;
    batch.push(doc);
    count++;
    if (batch.length >= BATCH) await flush();
  }
  await flush();
  const stored = await db.collection(staging).countDocuments();
  if (stored !== count) throw new Error(`staging ${staging} holds ${stored} documents, expected ${count}`);
  if (buildIndexes && !hooks.skipTtlIndexes) await createIndexes(db, target, indexes.filter(ttl));
  if (hooks.pauseMs) await sleep(hooks.pauseMs);
  return count;
}

/** One write: from here on the restore goes forward, never back. */
export async function markSwapping(db: Db, owner?: string): Promise<void> {
  const result = await markers(db).updateOne(
    { _id: MARKER_ID, state: 'staging', ...heldBy(owner) },
    { $set: { state: 'swapping' } },
  );
  if (result.matchedCount === 0) throw new Error("the restore marker is no longer this run's: not swapping");
}

/** Swaps every staged collection not yet swapped, then releases the marker. Safe to run again after a kill. */
export async function finishSwap(db: Db, marker: RestoreMarker, hooks: SwapHooks = {}): Promise<void> {
  const oid = marker.orgId ? orgIdValue(marker.orgId) : undefined;
  for (const entry of marker.collections) {
    if (marker.swapped.includes(entry.name)) continue;
    hooks.assertHeld?.();
    const staging = stagingName(entry.name);
    if (await collectionExists(db, staging)) {
      if (marker.mode === 'all') {
        await db.admin().command({
          renameCollection: `${db.databaseName}.${staging}`,
          to: `${db.databaseName}.${entry.name}`,
          dropTarget: true,
        });
      } else await replaceOrgDocuments(db, entry, marker.orgId ?? '', oid, hooks);
    }
    // A staging collection already gone was swapped by the run a kill interrupted (renamed, or copied and dropped).
    const recorded = await markers(db).updateOne(
      { _id: MARKER_ID, ...heldBy(marker.owner) },
      { $addToSet: { swapped: entry.name } },
    );
    if (recorded.matchedCount === 0) throw new Error('the restore marker was taken over: stopped swapping');
    if (hooks.pauseMs) await sleep(hooks.pauseMs);
  }
  await markers(db).deleteOne({ _id: MARKER_ID, ...heldBy(marker.owner) });
}

async function replaceOrgDocuments(
  db: Db,
  entry: RestorePlanEntry,
  orgId: string,
  oid: unknown,
  hooks: SwapHooks,
): Promise<void> {
  const live = db.collection(entry.name);
  await live.deleteMany(orgFilter(entry.orgKey, orgId, oid));
  let batch: Document[] = [];
  for await (const doc of db.collection(stagingName(entry.name)).find({}).sort({ _id: 1 })) {
    batch.push(doc);
    if (batch.length >= BATCH) {
      hooks.assertHeld?.();
      await live.insertMany(batch, { ordered: true });
      hooks.onProgress?.(batch.length);
      batch = [];
    }
  }
  if (batch.length > 0) await live.insertMany(batch, { ordered: true });
  hooks.onProgress?.(batch.length);
  await dropIfExists(db, stagingName(entry.name));
}

async function createIndexes(db: Db, name: string, indexes: readonly Document[]): Promise<void> {
  if (indexes.length === 0) return;
  await db.command({ createIndexes: name, indexes });
}

async function indexCount(db: Db, name: string): Promise<number> {
  if (!(await collectionExists(db, name))) return 0;
  return (await db.collection(name).listIndexes().toArray()).length;
}

export async function collectionExists(db: Db, name: string): Promise<boolean> {
  return db.listCollections({ name }, { nameOnly: true }).hasNext();
}

async function dropIfExists(db: Db, name: string): Promise<void> {
  if (await collectionExists(db, name)) await db.collection(name).drop();
}

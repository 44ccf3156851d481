import { createHash } from 'node:crypto';
import { BSON, type Db } from 'mongodb';
import {
  type BackupDifference,
  compareWithManifest,
  type MeasuredCollection,
} from '../../core/backups/index.js';
import type { OwnedCollection } from './backup-collections.js';
import type { OpenedBackup } from './read-backup.js';
import { restoreBackup } from './restore-backup.js';

export type DrillOutcome = {
  readonly documents: number;
  readonly differences: readonly BackupDifference[];
  /** A failure before the comparison (unreadable file, checksum refused, a write refused). */
  readonly error?: string;
};

/**
 * The restore drill's storage half: restores the backup with the real restore (the same code a person runs) into
 * a scratch database, reads every collection back in `_id` order, hashes it exactly as the backup did and compares
 * counts and checksums with the manifest; the scratch database is dropped whatever happens.
 */
export async function drillBackup(options: {
  readonly db: Db;
  readonly backup: OpenedBackup;
  readonly owned: readonly OwnedCollection[];
  readonly scratchName: string;
}): Promise<DrillOutcome> {
  const scratch = options.db.client.db(options.scratchName);
  try {
    await scratch.dropDatabase();
    const restored = await restoreBackup({
      db: scratch,
      backup: options.backup,
      owned: options.owned,
      skipTtlIndexes: true,
    });
    const measured: MeasuredCollection[] = [];
    for (const c of options.backup.manifest.collections) measured.push(await measure(scratch, c.name));
    return {
      documents: restored.documents,
      differences: compareWithManifest(options.backup.manifest, measured),
    };
  } catch (error) {
    return { documents: 0, differences: [], error: error instanceof Error ? error.message : String(error) };
  } finally {
    await scratch.dropDatabase().catch(() => undefined);
  }
}

/** A restored collection read back: its count and the SHA-256 of its canonical EJSON lines, as the backup wrote them. */
export async function measure(db: Db, name: string): Promise<MeasuredCollection> {
  const hash = createHash('sha256');
  let documents = 0;
  for await (const doc of db.collection(name).find({}).sort({ _id: 1 })) {
    hash.update(`${BSON.EJSON.stringify(doc, { relaxed: false })}\n`);
    documents++;
  }
  return { name, documents, documentsSha256: hash.digest('hex') };
}

import { z } from 'zod';

/** The archive format this version writes and reads. */
export const BACKUP_FORMAT = 'leadrelay-backup';
export const BACKUP_FORMAT_VERSION = 1;

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

const collectionSchema = z.object({
  name: z.string().min(1),
  /** Documents in the collection when it was read. */
  documents: z.number().int().min(0),
  /** The gzip'd canonical Extended JSON lines, one document a line, in `_id` order. */
  file: z.string().min(1),
  bytes: z.number().int().min(0),
  /** SHA-256 of the compressed file, checked before anything is written. */
  sha256,
  /** SHA-256 of the uncompressed lines: what a restored collection read back must hash to. */
  documentsSha256: sha256,
  indexes: z.object({ file: z.string().min(1), sha256, count: z.number().int().min(0) }),
});

export const manifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.literal(BACKUP_FORMAT_VERSION),
  service: z.object({ name: z.string(), version: z.string() }),
  database: z.string(),
  createdAt: z.iso.datetime(),
  finishedAt: z.iso.datetime(),
  durationMs: z.number().min(0),
  /** A whole-database backup, or one org's documents only (what an org admin may download). */
  scope: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('all') }),
    z.object({ kind: z.literal('org'), orgId: z.string() }),
  ]),
  /** Every org inside, with its own document count (a drill reports each org its own figure). */
  orgs: z.array(z.object({ orgId: z.string(), documents: z.number().int().min(0) })),
  documents: z.number().int().min(0),
  bytes: z.number().int().min(0),
  collections: z.array(collectionSchema),
});

export type BackupManifest = z.output<typeof manifestSchema>;
export type ManifestCollection = BackupManifest['collections'][number];

/** What a listing or the API shows of a backup: the manifest without the per-file details. */
export type BackupSummary = {
  readonly name: string;
  readonly createdAt: string;
  readonly scope: BackupManifest['scope'];
  readonly documents: number;
  readonly bytes: number;
  readonly durationMs: number;
  readonly orgIds: readonly string[];
  readonly collections: readonly { readonly name: string; readonly documents: number }[];
};

export function summaryOf(name: string, manifest: BackupManifest): BackupSummary {
  return {
    name,
    createdAt: manifest.createdAt,
    scope: manifest.scope,
    documents: manifest.documents,
    bytes: manifest.bytes,
    durationMs: manifest.durationMs,
    orgIds: manifest.orgs.map((o) => o.orgId),
    collections: manifest.collections.map((c) => ({ name: c.name, documents: c.documents })),
  };
}

/** One way a backup (or a collection restored from it) differs from what its manifest says. */
export type BackupDifference = {
  readonly collection: string;
  readonly what: 'missing_file' | 'file_checksum' | 'documents_checksum' | 'count' | 'index_checksum';
  readonly expected: string | number;
  readonly actual: string | number;
};

/** What was measured of one collection (from the archive's bytes, or read back from a restored database). */
export type MeasuredCollection = {
  readonly name: string;
  readonly documents: number;
  readonly documentsSha256: string;
  readonly sha256?: string;
  readonly indexesSha256?: string;
};

/**
 * Every difference between the manifest and what was measured; empty means the backup (or the restore) holds
 * exactly what the manifest promises. File checksums are compared only where measured (a database read-back has
 * no compressed file).
 */
export function compareWithManifest(
  manifest: Pick<BackupManifest, 'collections'>,
  measured: readonly MeasuredCollection[],
): BackupDifference[] {
  const byName = new Map(measured.map((m) => [m.name, m]));
  return manifest.collections.flatMap((expected): BackupDifference[] => {
    const got = byName.get(expected.name);
    const collection = expected.name;
    if (!got) return [{ collection, what: 'missing_file', expected: expected.file, actual: '' }];
    const differences: BackupDifference[] = [];
    if (got.sha256 !== undefined && got.sha256 !== expected.sha256)
      differences.push({ collection, what: 'file_checksum', expected: expected.sha256, actual: got.sha256 });
    if (got.indexesSha256 !== undefined && got.indexesSha256 !== expected.indexes.sha256) {
      const actual = got.indexesSha256;
      differences.push({ collection, what: 'index_checksum', expected: expected.indexes.sha256, actual });
    }
    if (got.documents !== expected.documents)
      differences.push({ collection, what: 'count', expected: expected.documents, actual: got.documents });
    if (got.documentsSha256 !== expected.documentsSha256) {
      const actual = got.documentsSha256;
      differences.push({
        collection,
        what: 'documents_checksum',
        expected: expected.documentsSha256,
        actual,
      });
    }
    return differences;
  });
}

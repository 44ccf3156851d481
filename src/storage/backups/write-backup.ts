import { readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { createGzip } from 'node:zlib';
import { BSON, type Db, type Document } from 'mongodb';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  type BackupManifest,
  type ManifestCollection,
} from '../../core/backups/index.js';
import { type OwnedCollection, orgFilter, orgIdValue, orgOfDocument } from './backup-collections.js';
import { hashTap, sha256Hex } from './backup-streams.js';
import { TarWriter } from './tar-archive.js';

export type WriteBackupOptions = {
  readonly db: Db;
  readonly collections: readonly OwnedCollection[];
  readonly dir: string;
  readonly now: Date;
  readonly service: { readonly name: string; readonly version: string };
  /** One org's documents only (the service's own records, which belong to no org, are left out). */
  readonly orgId?: string;
  readonly onProgress?: (done: number, total: number) => void;
  /** Test hook (BACKUP_TEST_PAUSE_MS): a pause after each collection, so a test can kill the process mid-backup. */
  readonly pauseAfterCollectionMs?: number;
};

export type WrittenBackup = {
  readonly name: string;
  readonly file: string;
  readonly manifest: BackupManifest;
};

export const BACKUP_EXTENSION = '.tar';
const PARTIAL = '.partial';

/**
 * Writes one backup: every collection streamed cursor → canonical EJSON lines → gzip → the archive, its index
 * definitions beside it, and the manifest last. The archive is written under a hidden temporary name, synced, and
 * renamed at the end, so a crash at any moment leaves either no backup or a complete one (never a file that looks
 * complete); a temporary file a crash left behind is removed by the next backup. Memory stays flat: one cursor
 * batch and the gzip window at a time.
 */
export async function writeBackup(options: WriteBackupOptions): Promise<WrittenBackup> {
  const started = Date.now();
  const name = backupName(options.now, options.orgId);
  const file = path.join(options.dir, name);
  const temp = path.join(options.dir, `.${name}${PARTIAL}`);
  await removeStalePartials(options.dir);
  const collections = options.orgId
    ? options.collections.filter((c) => c.orgKey !== 'none')
    : options.collections;
  const total = await estimateTotal(options.db, collections);
  const tar = await TarWriter.create(temp);
  try {
    const orgCounts = new Map<string, number>();
    const written: ManifestCollection[] = [];
    let done = 0;
    for (const collection of collections) {
      const entry = await writeCollection(tar, options, collection, orgCounts, (n) => {
        done += n;
        options.onProgress?.(done, Math.max(total, done));
      });
      written.push(entry);
      if (options.pauseAfterCollectionMs) await sleep(options.pauseAfterCollectionMs);
    }
    const manifest = manifestOf(options, written, orgCounts, started);
    await tar.bytes('manifest.json', Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`));
    await tar.finish();
    await rename(temp, file);
    return { name, file, manifest };
  } catch (error) {
    await tar.abort();
    await rm(temp, { force: true });
    throw error;
  }
}

async function writeCollection(
  tar: TarWriter,
  options: WriteBackupOptions,
  collection: OwnedCollection,
  orgCounts: Map<string, number>,
  progress: (n: number) => void,
): Promise<ManifestCollection> {
  const filter = options.orgId ? orgFilter(collection.orgKey, options.orgId, orgIdValue(options.orgId)) : {};
  const cursor = options.db.collection(collection.name).find(filter).sort({ _id: 1 }).batchSize(1000);
  const docsHash = hashTap();
  const fileHash = hashTap();
  let documents = 0;
  async function* lines() {
    for await (const doc of cursor) {
      documents++;
      const org = orgOfDocument(collection.orgKey, doc);
      if (org) orgCounts.set(org, (orgCounts.get(org) ?? 0) + 1);
      if (documents % 500 === 0) progress(500);
      yield `${BSON.EJSON.stringify(doc, { relaxed: false })}\n`;
    }
    progress(documents % 500);
  }
  const file = `collections/${collection.name}.ejson.gz`;
  const bytes = await tar.entry(file, (sink) =>
    pipeline(Readable.from(lines()), docsHash.stream, createGzip(), fileHash.stream, sink),
  );
  const indexes = await indexDefinitions(options.db, collection.name);
  const indexFile = `collections/${collection.name}.indexes.json`;
  const indexBytes = Buffer.from(`${BSON.EJSON.stringify(indexes, undefined, 2, { relaxed: true })}\n`);
  await tar.bytes(indexFile, indexBytes);
  return {
    name: collection.name,
    documents,
    file,
    bytes,
    sha256: fileHash.hash.digest('hex'),
    documentsSha256: docsHash.hash.digest('hex'),
    indexes: { file: indexFile, sha256: sha256Hex(indexBytes), count: indexes.length },
  };
}

/** The collection's index definitions as listIndexes gives them (none when the collection does not exist yet). */
async function indexDefinitions(db: Db, name: string): Promise<Document[]> {
  const exists = await db.listCollections({ name }, { nameOnly: true }).hasNext();
  if (!exists) return [];
  const indexes = await db.collection(name).listIndexes().toArray();
  // The `_id` index exists on every collection; `v` and `ns` belong to the server that built it.
  return indexes
    .filter((index) => index.name !== '_id_')
    .map(({ v: _v, ns: _ns, background: _background, ...definition }) => definition);
}

function manifestOf(
  options: WriteBackupOptions,
  collections: ManifestCollection[],
  orgCounts: Map<string, number>,
  started: number,
): BackupManifest {
  const durationMs = Date.now() - started;
  return {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    service: options.service,
    database: options.db.databaseName,
    createdAt: options.now.toISOString(),
    finishedAt: new Date(options.now.getTime() + durationMs).toISOString(),
    durationMs,
    scope: options.orgId ? { kind: 'org', orgId: options.orgId } : { kind: 'all' },
    orgs: [...orgCounts].map(([orgId, documents]) => ({ orgId, documents })),
    documents: collections.reduce((sum, c) => sum + c.documents, 0),
    bytes: collections.reduce((sum, c) => sum + c.bytes, 0),
    collections,
  };
}

async function estimateTotal(db: Db, collections: readonly OwnedCollection[]): Promise<number> {
  let total = 0;
  for (const c of collections) total += await db.collection(c.name).estimatedDocumentCount();
  return total;
}

/** `leadrelay-20261202T020000.123Z.tar` (UTC, sortable); one org's: `leadrelay-org-<id>-…`. */
export function backupName(now: Date, orgId?: string): string {
  const stamp = now.toISOString().replaceAll('-', '').replaceAll(':', '');
  return `leadrelay-${orgId ? `org-${orgId}-` : ''}${stamp}${BACKUP_EXTENSION}`;
}

/** Temporary files an interrupted backup left: older than an hour, so a backup still writing is never touched. */
async function removeStalePartials(dir: string): Promise<void> {
  for (const entry of await readdir(dir).catch(() => [] as string[])) {
    if (!entry.endsWith(PARTIAL)) continue;
    const full = path.join(dir, entry);
    const info = await stat(full).catch(() => undefined);
    if (info && Date.now() - info.mtimeMs > 3_600_000) await rm(full, { force: true });
  }
}

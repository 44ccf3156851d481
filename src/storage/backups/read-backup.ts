import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { BSON, type Document } from 'mongodb';
import {
  type BackupDifference,
  type BackupManifest,
  compareWithManifest,
  type MeasuredCollection,
  manifestSchema,
} from '../../core/backups/index.js';
import { hashTap, linesOf, sha256Hex } from './backup-streams.js';
import { listTarEntries, readTarEntry, type TarEntry } from './tar-archive.js';

export type OpenedBackup = {
  readonly file: string;
  readonly manifest: BackupManifest;
  readonly entries: ReadonlyMap<string, TarEntry>;
};

export class BackupFileError extends Error {
  constructor(
    message: string,
    readonly differences: readonly BackupDifference[] = [],
  ) {
    super(message);
    this.name = 'BackupFileError';
  }
}

/** Reads the archive's table of entries and its manifest (the data is not read). */
export async function openBackup(file: string): Promise<OpenedBackup> {
  const list = await listTarEntries(file).catch((error: Error) => {
    throw new BackupFileError(`${file} is not a Leadrelay backup: ${error.message}`);
  });
  const entries = new Map(list.map((e) => [e.name, e]));
  const entry = entries.get('manifest.json');
  if (!entry)
    throw new BackupFileError(`${file} has no manifest.json: it is incomplete or not a Leadrelay backup`);
  const parsed = manifestSchema.safeParse(JSON.parse((await readAll(file, entry)).toString('utf8')));
  if (!parsed.success) throw new BackupFileError(`${file}: its manifest is not one this version reads`);
  return { file, manifest: parsed.data, entries };
}

/**
 * Reads every byte of the archive once and checks it against the manifest: the compressed file's SHA-256, the
 * documents' count and SHA-256 after decompression (so a file that is corrupt inside its gzip is caught too) and
 * the index list's SHA-256. Nothing is written anywhere; a restore starts only when this returns no difference.
 */
export async function verifyBackup(
  backup: OpenedBackup,
  onProgress?: (documents: number) => void,
): Promise<BackupDifference[]> {
  const measured: MeasuredCollection[] = [];
  for (const expected of backup.manifest.collections) {
    const entry = backup.entries.get(expected.file);
    const indexEntry = backup.entries.get(expected.indexes.file);
    if (!entry || !indexEntry) continue;
    const fileHash = hashTap();
    const docsHash = hashTap();
    let documents = 0;
    await pipeline(
      readTarEntry(backup.file, entry),
      fileHash.stream,
      createGunzip(),
      docsHash.stream,
      async (lines) => {
        for await (const _line of linesOf(lines)) {
          documents++;
          if (documents % 1000 === 0) onProgress?.(1000);
        }
      },
    ).catch(() => undefined);
    onProgress?.(documents % 1000);
    measured.push({
      name: expected.name,
      documents,
      sha256: fileHash.hash.digest('hex'),
      documentsSha256: docsHash.hash.digest('hex'),
      indexesSha256: sha256Hex(await readAll(backup.file, indexEntry)),
    });
  }
  return compareWithManifest(backup.manifest, measured);
}

/** A collection's documents, parsed back into BSON types (ObjectId, Date, Decimal128, Binary, Int32, Long…). */
export async function* documentsOf(backup: OpenedBackup, collection: string): AsyncGenerator<Document> {
  const expected = backup.manifest.collections.find((c) => c.name === collection);
  const entry = expected && backup.entries.get(expected.file);
  if (!entry) throw new BackupFileError(`${backup.file} has no documents for ${collection}`);
  const gunzip = createGunzip();
  const source = readTarEntry(backup.file, entry);
  source.pipe(gunzip);
  for await (const line of linesOf(gunzip)) {
    if (line.length > 0) yield BSON.EJSON.parse(line, { relaxed: false }) as Document;
  }
}

/** A collection's index definitions as the backup stored them. */
export async function indexesOf(backup: OpenedBackup, collection: string): Promise<Document[]> {
  const expected = backup.manifest.collections.find((c) => c.name === collection);
  const entry = expected && backup.entries.get(expected.indexes.file);
  if (!entry) return [];
  return BSON.EJSON.parse((await readAll(backup.file, entry)).toString('utf8'), {
    relaxed: true,
  }) as Document[];
}

async function readAll(file: string, entry: TarEntry): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of readTarEntry(file, entry)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

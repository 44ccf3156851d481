import { mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Db } from 'mongodb';
import type { Backups, StoredBackup } from '../../core/backups/index.js';
import type { Models } from '../models.js';
import { ownedCollections } from './backup-collections.js';
import { drillBackup } from './drill-backup.js';
import { openBackup } from './read-backup.js';
import { BACKUP_EXTENSION, writeBackup } from './write-backup.js';

/**
 * The Backups port over a directory (BACKUP_DIR) and this database: a backup is listed only once its file has its
 * final name (written under a temporary one, renamed at the end) and its manifest reads; a name from outside is
 * matched against that listing, never joined into a path as given.
 */
export function directoryBackups(options: {
  readonly db: Db;
  readonly models: Models;
  readonly dir: string;
  readonly service: { readonly name: string; readonly version: string };
}): Backups {
  const { db, models, dir } = options;
  const owned = () => ownedCollections(models);
  return {
    databaseName: db.databaseName,
    async write(input) {
      await mkdir(dir, { recursive: true });
      const written = await writeBackup({
        db,
        collections: owned(),
        dir,
        service: options.service,
        ...input,
      });
      return { name: written.name, manifest: written.manifest };
    },
    async list() {
      const names = (await readdir(dir).catch(() => [] as string[])).filter(
        (n) => n.endsWith(BACKUP_EXTENSION) && !n.startsWith('.'),
      );
      const listed: StoredBackup[] = [];
      for (const name of names) {
        // A file that is not a readable backup (copied in by hand, damaged) is not listed, nor pruned.
        const opened = await openBackup(path.join(dir, name)).catch(() => undefined);
        if (opened) listed.push({ name, manifest: opened.manifest });
      }
      return listed.sort((a, b) => b.manifest.createdAt.localeCompare(a.manifest.createdAt));
    },
    async remove(name) {
      await rm(path.join(dir, path.basename(name)), { force: true });
    },
    filePath: (name) => path.join(dir, path.basename(name)),
    async drill(name, scratchName) {
      const backup = await openBackup(path.join(dir, path.basename(name)));
      return drillBackup({ db, backup, owned: owned(), scratchName });
    },
    orgCount: () => models.Org.estimatedDocumentCount(),
  };
}

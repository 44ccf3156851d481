// `npm run restore -- FILE [--into URI] [--org ID] [--force]`: verifies every checksum of a backup, then restores it
// into the database the service uses (or --into), the whole database or one org, crash-safely (see
// src/storage/backups/restore-swap.ts). FILE is a path or a backup's name in BACKUP_DIR. Exit 0: restored; 1:
// refused (checksums, existing data without --force), nothing written; 2: usage, file or database problem. Either
// way the attempt is in the audit trail of the orgs it concerned (scripts/restore-command.ts).
import { access } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { BackupFileError, openBackup } from '../src/storage/backups/read-backup.js';
import { RestoreRefused } from '../src/storage/backups/restore-backup.js';
import { CliProblem, openCliDatabase } from './backup-database.js';
import { cliOrigin } from './cli-origin.js';
import { restoreCommand } from './restore-command.js';

const USAGE = 'npm run restore -- FILE [--into URI] [--org ID] [--force]';

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      into: { type: 'string' },
      org: { type: 'string' },
      force: { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  if (values.help || positionals.length !== 1) {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }
  const database = await openCliDatabase(values.into);
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: '{phase} {bar} {value}/{total} documents' },
    cliProgress.Presets.shades_classic,
  );
  try {
    const backup = await openBackup(await backupFile(positionals[0] ?? '', database.config.backupDir));
    console.log(
      `Restoring ${path.basename(backup.file)} into ${database.db.databaseName} (${database.description})`,
    );
    let phase = '';
    const result = await restoreCommand({
      db: database.db,
      backup,
      models: database.models,
      origin: cliOrigin('restore'),
      warn: (line) => console.error(line),
      ...(values.org ? { orgId: values.org } : {}),
      force: values.force ?? false,
      onProgress: (next, done, total) => {
        if (next !== phase) {
          bar.stop();
          bar.start(total, 0, { phase: next === 'verify' ? 'verify ' : 'restore' });
          phase = next;
        }
        bar.setTotal(total);
        bar.update(done);
      },
      ...testPause(),
    });
    bar.stop();
    if (result.completedInterrupted)
      console.log(`Completed the interrupted restore of ${result.completedInterrupted} first.`);
    console.log(`Restored ${result.documents} documents in ${result.collections} collections.`);
    return 0;
  } catch (error) {
    bar.stop();
    if (error instanceof RestoreRefused) {
      console.error(`Restore refused: ${error.message}`);
      return 1;
    }
    if (error instanceof BackupFileError) throw new CliProblem(error.message);
    throw error;
  } finally {
    await database.close();
  }
}

/** A path as given, else a backup's name in BACKUP_DIR. */
async function backupFile(given: string, backupDir: string): Promise<string> {
  for (const candidate of [path.resolve(given), path.join(backupDir, given)]) {
    if (
      await access(candidate).then(
        () => true,
        () => false,
      )
    )
      return candidate;
  }
  throw new CliProblem(`no backup ${given} (looked at ${path.resolve(given)} and in ${backupDir})`);
}

/** RESTORE_TEST_PAUSE_MS: the kill -9 test's hook, a pause after each collection staged or swapped. */
function testPause(): { pauseMs?: number } {
  const ms = Number(process.env.RESTORE_TEST_PAUSE_MS ?? 0);
  return ms > 0 ? { pauseMs: ms } : {};
}

try {
  process.exitCode = await main();
} catch (error) {
  if (!(error instanceof CliProblem)) throw error;
  console.error(`Restore stopped: ${error.message}`);
  process.exitCode = 2;
}

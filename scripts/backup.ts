// `npm run backup [-- --org ID] [--dir DIR]`: writes one backup of the database the service uses (or of one org)
// to BACKUP_DIR now, with a progress bar on stderr and the result on stdout, and records it in the audit trail of
// each org it holds (by the OS user, through the command line). Exit 0: written; 2: nothing written.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { serviceVersion } from '../src/config/service-version.js';
import { backupCommand } from './backup-command.js';
import { CliProblem, openCliDatabase } from './backup-database.js';
import { cliOrigin } from './cli-origin.js';

const USAGE = 'npm run backup [-- --org ID] [--dir DIR]';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { org: { type: 'string' }, dir: { type: 'string' }, help: { type: 'boolean' } },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const database = await openCliDatabase();
  const dir = path.resolve(values.dir ?? database.config.backupDir);
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: 'backup {bar} {value}/{total} documents' },
    cliProgress.Presets.shades_classic,
  );
  try {
    await mkdir(dir, { recursive: true });
    bar.start(1, 0);
    const written = await backupCommand({
      db: database.db,
      models: database.models,
      origin: cliOrigin('backup'),
      dir,
      now: new Date(),
      service: serviceVersion(),
      ...(values.org ? { orgId: values.org } : {}),
      onProgress: (done, total) => {
        bar.setTotal(total);
        bar.update(done);
      },
      ...testPause(),
    });
    bar.stop();
    const { manifest } = written;
    console.log(
      `Backup written: ${written.file} — ${manifest.documents} documents in ${manifest.collections.length} ` +
        `collections, ${(manifest.bytes / 1e6).toFixed(1)} MB, ${(manifest.durationMs / 1000).toFixed(1)} s`,
    );
    return 0;
  } finally {
    bar.stop();
    await database.close();
  }
}

/** BACKUP_TEST_PAUSE_MS: the kill -9 test's hook, a pause after each collection (never set in production). */
function testPause(): { pauseAfterCollectionMs?: number } {
  const ms = Number(process.env.BACKUP_TEST_PAUSE_MS ?? 0);
  return ms > 0 ? { pauseAfterCollectionMs: ms } : {};
}

try {
  process.exitCode = await main();
} catch (error) {
  if (!(error instanceof CliProblem)) throw error;
  console.error(`Backup stopped: ${error.message}`);
  process.exitCode = 2;
}

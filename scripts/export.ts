// `npm run export -- <kind> [--from DAY] [--to DAY] [--team NAME|ID] [--format csv|xlsx] [--org ID] [--out FILE]`:
// one export (core/exports) of the database the service uses, written to a file, with a progress bar on stderr.
// It acts as the system (an operator with the database in hand): every record of the org, phones whole; the audit
// trail records the export by the OS user, through the command line (scripts/export-command.ts).
// Exit 0: written; 2: nothing written (a bad argument, an unknown org), with the reason on stderr.
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { EXPORT_KINDS } from '../src/core/exports/index.js';
import { CliProblem, openCliDatabase } from './backup-database.js';
import { cliOrigin } from './cli-origin.js';
import { exportCommand } from './export-command.js';

const USAGE = `npm run export -- <${EXPORT_KINDS.join('|')}> [--from 2026-11-01] [--to 2026-11-30] [--team NAME|ID] [--format csv|xlsx] [--org ID] [--out FILE]`;

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      from: { type: 'string' },
      to: { type: 'string' },
      team: { type: 'string' },
      format: { type: 'string' },
      org: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  const [kind, ...extra] = positionals;
  if (values.help || !kind || extra.length > 0) {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }
  const database = await openCliDatabase();
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: `${kind} {bar} {value}/{total} rows` },
    cliProgress.Presets.shades_classic,
  );
  try {
    const { org, out, help: _help, ...query } = values;
    bar.start(1, 0);
    const result = await exportCommand({
      models: database.models,
      ...(org ? { org } : {}),
      ...(out ? { out } : {}),
      query: { ...query, kind },
      origin: cliOrigin('export'),
      onProgress: ({ rows, total }) => {
        if (total !== undefined) bar.setTotal(Math.max(total, 1));
        bar.update(rows);
      },
    });
    bar.stop();
    console.log(
      `Export written: ${result.file} — ${result.rows} rows of ${result.kind} (${result.org.name})`,
    );
    return 0;
  } finally {
    bar.stop();
    await database.close();
  }
}

try {
  process.exitCode = await main();
} catch (error) {
  if (!(error instanceof CliProblem)) throw error;
  console.error(`Export stopped: ${error.message}`);
  process.exitCode = 2;
}

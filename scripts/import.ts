// `npm run import -- [--kind orders] leads.xlsx [--url …] [--token lr_…] [--strategy …] [--source …] [--dry-run]
// [--chunk 500]`: checks a CSV or XLSX file of leads (or orders) locally, reports the rows it cannot take, and sends
// the rest in chunks to POST /api/v1/leads:batch (or /orders:batch). Exit 0: every row is in; 1: some rows were rejected (the others were imported);
// 2: nothing could be done (usage, file, service or token problem), with what to do about it.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import cliProgress from 'cli-progress';
import { importTexts } from '../src/chat/texts/import-texts.js';
import { edgeSettings } from '../src/config/edge-settings.js';
import type { ImportKind } from '../src/import/check-lead-file.js';
import { checkLeadFileInWorker } from '../src/import/check-lead-file-in-worker.js';
import type { ImportCheck } from '../src/import/check-rows.js';
import { ImportError } from '../src/import/import-error.js';
import { importLimitsOf } from '../src/import/import-limits.js';
import {
  countOutcomes,
  duplicateLines,
  exitCodeOf,
  rejectedLines,
  serverRejected,
  summaryLine,
} from '../src/import/import-report.js';
import { type ImportArgs, parseImportArgs, USAGE } from '../src/import/parse-import-args.js';
import { sendLeadBatches } from '../src/import/send-lead-batches.js';

async function main(): Promise<number> {
  const args = parseImportArgs(process.argv.slice(2), process.env);
  if ('help' in args) {
    console.log(USAGE);
    return 0;
  }
  const check = await checkFile(args);
  if (args.dryRun) {
    console.log(
      `${importTexts(args.lang).dryRun}${summaryLine(countOutcomes(check.rejected, []), args.lang, args.kind)}`,
    );
    return exitCodeOf(countOutcomes(check.rejected, []));
  }
  const outcomes = await send(args, check);
  const rejectedByService = serverRejected(outcomes);
  if (rejectedByService.length > 0) {
    console.log(importTexts(args.lang).rejectedByService);
    for (const line of rejectedLines(rejectedByService, args.lang)) console.log(`  ${line}`);
  }
  for (const line of duplicateLines(outcomes, 20, args.lang)) console.log(line);
  const counts = countOutcomes(check.rejected, outcomes);
  console.log(summaryLine(counts, args.lang, args.kind));
  return exitCodeOf(counts);
}

async function checkFile(args: ImportArgs): Promise<ImportCheck<unknown>> {
  const t = importTexts(args.lang);
  const bytes = await readFile(args.file).catch((error: NodeJS.ErrnoException) => {
    throw new ImportError({ kind: 'cannot_read', file: args.file, cause: error.code ?? error.message });
  });
  // The service's own limits (IMPORT_MAX_* in the environment, else their defaults): a file it would refuse is
  // refused here too, before it takes this machine's memory.
  const check = await checkLeadFileInWorker<ImportKind>(bytes, {
    kind: args.kind,
    source: { fileName: args.file },
    defaultSource: args.source,
    limits: importLimitsOf(importSettings()),
  });
  for (const warning of check.warnings) console.log(t.warning(t.note(warning)));
  if (check.rejected.length > 0) {
    console.log(t.rejectedHere);
    for (const line of rejectedLines(check.rejected, args.lang)) console.log(`  ${line}`);
  }
  const rejectedRows = new Set(check.rejected.map((r) => r.rowNumber)).size;
  console.log(t.fileSummary(path.basename(args.file), check.rows, check.good.length, rejectedRows));
  return check;
}

function importSettings() {
  try {
    return edgeSettings(process.env);
  } catch (error) {
    throw new ImportError({
      kind: 'bad_settings',
      cause: error instanceof Error ? error.message : String(error),
    });
  }
}

async function send(args: ImportArgs, check: ImportCheck<unknown>) {
  if (check.good.length === 0) return [];
  // On stderr, so that the report on stdout can be piped or saved without the bar's redraws.
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: importTexts(args.lang).progress },
    cliProgress.Presets.shades_classic,
  );
  bar.start(check.good.length, 0);
  try {
    return await sendLeadBatches(check.good, {
      url: args.url,
      token: args.token ?? '',
      kind: args.kind,
      chunkSize: args.chunk,
      lang: args.lang,
      ...(args.strategy ? { strategy: args.strategy } : {}),
      onProgress: (sent) => bar.update(sent),
    });
  } finally {
    bar.stop();
  }
}

// The language of --lang, or (when the command line itself is wrong) of LEADRELAY_LANG / LANG.
const lang = () => {
  try {
    const args = parseImportArgs(process.argv.slice(2), process.env);
    return 'lang' in args ? args.lang : 'en';
  } catch {
    return process.env.LEADRELAY_LANG === 'zh-CN' || process.env.LANG?.startsWith('zh') ? 'zh-CN' : 'en';
  }
};

try {
  process.exitCode = await main();
} catch (error) {
  if (!(error instanceof ImportError)) throw error;
  const t = importTexts(lang());
  console.error(`${t.stopped}${error.problem ? t.problem(error.problem) : error.message}`);
  process.exitCode = 2;
}

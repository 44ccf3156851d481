import { parseArgs } from 'node:util';
import { leadInputSchema } from '../core/leads/lead-input.js';
import { STRATEGIES, type Strategy } from '../core/leads/routing-types.js';
import type { Locale } from '../core/org/types.js';
import { ImportError } from './import-error.js';
import { sourceSlug } from './lead-values.js';
import { DEFAULT_IMPORT_SOURCE } from './validate-import-rows.js';

export const USAGE = `usage: npm run import -- FILE.csv|FILE.xlsx [options]
  --url URL          the Leadrelay service (env LEADRELAY_URL, default http://localhost:3000)
  --token TOKEN      an API token (env LEADRELAY_API_TOKEN; the demo token is printed by npm start)
  --strategy NAME    route the whole file by ${STRATEGIES.join('|')} instead of the routing rules
  --source NAME      source of rows without one (default ${DEFAULT_IMPORT_SOURCE})
  --chunk N          leads per request, 1–1000 (default 500)
  --lang zh-CN|en    the report's language (env LEADRELAY_LANG; default zh-CN where LANG is Chinese, else en)
  --dry-run          check the file and report its problems; send nothing`;

export type ImportArgs = {
  readonly file: string;
  readonly url: string;
  readonly token?: string;
  readonly strategy?: Strategy;
  readonly source: string;
  readonly chunk: number;
  readonly dryRun: boolean;
  readonly lang: Locale;
};

const DEFAULT_URL = 'http://localhost:3000';
// The service takes at most 1,000 leads per batch request (MAX_BATCH in core/leads/intake-leads-batch.ts).
const MAX_CHUNK = 1_000;

/** The import command line, checked whole before any file is read; a bad value throws an ImportError naming it. */
export function parseImportArgs(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): ImportArgs | { readonly help: true } {
  const { values, positionals } = parseOrExplain(argv);
  if (values.help) return { help: true };
  if (positionals.length !== 1) usageError('give exactly one file to import', true);
  const token = values.token ?? env.LEADRELAY_API_TOKEN;
  if (!values['dry-run'] && !token) {
    usageError('set --token or LEADRELAY_API_TOKEN; the demo token is printed by npm start');
  }
  return {
    file: positionals[0]!,
    url: checkedUrl(values.url ?? env.LEADRELAY_URL ?? DEFAULT_URL),
    ...(token ? { token } : {}),
    ...(values.strategy !== undefined ? { strategy: checkedStrategy(values.strategy) } : {}),
    source: checkedSource(values.source ?? DEFAULT_IMPORT_SOURCE),
    chunk: checkedChunk(values.chunk ?? '500'),
    dryRun: values['dry-run'] ?? false,
    lang: checkedLang(values.lang ?? env.LEADRELAY_LANG ?? (env.LANG?.startsWith('zh') ? 'zh-CN' : 'en')),
  };
}

function parseOrExplain(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        url: { type: 'string' },
        token: { type: 'string' },
        lang: { type: 'string' },
        strategy: { type: 'string' },
        source: { type: 'string' },
        chunk: { type: 'string' },
        'dry-run': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    return usageError(error instanceof Error ? error.message : String(error), true);
  }
}

// The full usage is shown when the command line's shape is wrong; a single bad value only needs its own message.
function usageError(problem: string, showUsage = false): never {
  throw new ImportError(showUsage ? `${problem}\n${USAGE}` : `${problem} (see npm run import -- --help)`);
}

function checkedUrl(raw: string): string {
  const url = URL.canParse(raw) ? new URL(raw) : undefined;
  if (url?.protocol !== 'http:' && url?.protocol !== 'https:') {
    usageError(`--url ${raw} is not an http(s) URL`);
  }
  return raw.replace(/\/+$/, '');
}

function checkedStrategy(raw: string): Strategy {
  const strategy = STRATEGIES.find((s) => s === raw);
  return strategy ?? usageError(`--strategy ${raw} is not one of ${STRATEGIES.join(', ')}`);
}

// The same rule as a row's own source, so a bad --source is said once here rather than on every row.
function checkedSource(raw: string): string {
  const parsed = leadInputSchema.shape.source.safeParse(sourceSlug(raw));
  return parsed.success ? parsed.data : usageError(`--source ${raw}: ${parsed.error.issues[0]?.message}`);
}

function checkedChunk(raw: string): number {
  const chunk = Number(raw);
  if (!Number.isInteger(chunk) || chunk < 1 || chunk > MAX_CHUNK) {
    usageError(`--chunk must be 1–${MAX_CHUNK}`);
  }
  return chunk;
}

function checkedLang(raw: string): Locale {
  return raw === 'zh-CN' || raw === 'en' ? raw : usageError(`--lang ${raw} is not one of zh-CN, en`);
}

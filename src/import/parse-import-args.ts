import { parseArgs } from 'node:util';
import { leadInputSchema } from '../core/leads/lead-input.js';
import { STRATEGIES, type Strategy } from '../core/leads/routing-types.js';
import type { Locale } from '../core/org/types.js';
import type { ImportKind } from './check-lead-file.js';
import { ImportError } from './import-error.js';
import { sourceSlug } from './lead-values.js';
import { DEFAULT_IMPORT_SOURCE } from './validate-import-rows.js';

export const USAGE = `usage: npm run import -- [--kind leads|orders] FILE.csv|FILE.xlsx [options]
  --kind KIND        what the file holds: leads (default) or orders (订单号, 客户, 明细, 金额, 合同号, 签约日期, 负责人)
  --url URL          the Leadrelay service (env LEADRELAY_URL, default http://localhost:3000)
  --token TOKEN      an API token (env LEADRELAY_API_TOKEN; the demo token is printed by npm start)
  --strategy NAME    leads: route the whole file by ${STRATEGIES.join('|')} instead of the routing rules
  --source NAME      leads: source of rows without one (default ${DEFAULT_IMPORT_SOURCE})
  --chunk N          records per request, 1–1000 (default 500)
  --lang zh-CN|en    the report's language (env LEADRELAY_LANG; default zh-CN where LANG is Chinese, else en)
  --dry-run          check the file and report its problems; send nothing`;

export type ImportArgs = {
  readonly kind: ImportKind;
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
// The service takes at most 1,000 leads or orders per batch request (MAX_BATCH, MAX_ORDER_BATCH in core).
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
  const kind = checkedKind(values.kind ?? 'leads');
  if (kind === 'orders' && (values.strategy !== undefined || values.source !== undefined)) {
    usageError('--strategy and --source are for leads; an order file names its own owner (负责人)');
  }
  return {
    kind,
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
        kind: { type: 'string' },
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

function checkedKind(raw: string): ImportKind {
  return raw === 'leads' || raw === 'orders' ? raw : usageError(`--kind ${raw} is not one of leads, orders`);
}

function checkedLang(raw: string): Locale {
  return raw === 'zh-CN' || raw === 'en' ? raw : usageError(`--lang ${raw} is not one of zh-CN, en`);
}

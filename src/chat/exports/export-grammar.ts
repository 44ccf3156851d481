import { EXPORT_KIND_NAMES, EXPORT_KINDS, type ExportKind } from '../../core/exports/export-kinds.js';
import { parseReportAsk, type ReportGrammarContext } from '../report-grammar.js';

/**
 * What `/导出` (`/export`) is asked for: a kind first, by its name in either language (跟进 / follow-ups, 线索 /
 * leads …, core/exports/export-kinds.ts), then /report's words in any order: a period (本周, 上周, 本月, 上月,
 * 2026-11, 11月, this month …) and a team by name. The period is kept as /report's word (`本月`, `2026-11`).
 */
export type ExportAsk = {
  readonly kind: ExportKind;
  readonly period?: string;
  readonly team?: string;
};

export type ExportAskProblem =
  /** Nothing after the command. */
  | { readonly kind: 'no_kind' }
  /** The first word is no kind of export, as typed. */
  | { readonly kind: 'unknown_kind'; readonly word: string }
  /** Words that are neither a period nor a team of the org, as typed. */
  | { readonly kind: 'unknown'; readonly words: string }
  /** Two periods. */
  | { readonly kind: 'too_many' };

export type ExportAskResult =
  | { readonly ok: true; readonly ask: ExportAsk }
  | { readonly ok: false; readonly problem: ExportAskProblem };

const fold = (word: string) => word.normalize('NFKC').toLowerCase();

/** Every word naming a kind, in both languages (people mix them: `/export 跟进`). */
const KIND_WORDS: ReadonlyMap<string, ExportKind> = new Map(
  EXPORT_KINDS.flatMap((kind) =>
    Object.values(EXPORT_KIND_NAMES[kind]).flatMap((name) =>
      [name.word, name.title, ...name.aliases].map((w) => [fold(w), kind] as const),
    ),
  ),
);

export function parseExportAsk(args: readonly string[], ctx: ReportGrammarContext): ExportAskResult {
  const words = args.flatMap((a) => a.split(/\s+/)).filter(Boolean);
  const [first, ...rest] = words;
  if (first === undefined) return { ok: false, problem: { kind: 'no_kind' } };
  const kind = KIND_WORDS.get(fold(first));
  if (!kind) return { ok: false, problem: { kind: 'unknown_kind', word: first } };
  const parsed = parseReportAsk(rest, ctx);
  if (!parsed.ok) return parsed;
  // /report's kinds of report (渠道, 售后 …) mean nothing to an export: unknown words here.
  if (parsed.ask.kind) return { ok: false, problem: { kind: 'unknown', words: rest.join(' ') } };
  return {
    ok: true,
    ask: {
      kind,
      ...(parsed.ask.period ? { period: parsed.ask.period } : {}),
      ...(parsed.ask.team ? { team: parsed.ask.team } : {}),
    },
  };
}

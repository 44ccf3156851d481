/**
 * What `/报表` (`/report`) is asked for, its words in any order: a period (本周, 上周, 本月, 上月, 2026-11, 2026年11月,
 * 11月, this week, last month …), a kind of report (渠道 / channels, 售后 / after-sales, 热力图 / heatmap) and a team
 * by name (华东组, or 华东 for 华东销售组). Read on a half-width, lower-case copy (全角 digits count). The period comes
 * out as a word computeReport takes (`上周`, `last-week`, `2026-11`); a month named without a year is the latest one
 * not after this month (11月 in January is last November).
 */
export type ReportKind = 'channels' | 'afterSales' | 'heatmap';

export type ReportAsk = {
  readonly period?: string;
  readonly kind?: ReportKind;
  /** The team's name as the org spells it. */
  readonly team?: string;
};

export type ReportAskProblem =
  /** Words that are neither a period, a kind of report nor a team of the org, as typed. */
  | { readonly kind: 'unknown'; readonly words: string }
  /** Two periods, or two kinds of report. */
  | { readonly kind: 'too_many' };

export type ReportAskResult =
  | { readonly ok: true; readonly ask: ReportAsk }
  | { readonly ok: false; readonly problem: ReportAskProblem };

export type ReportGrammarContext = {
  /** The org's team names. */
  readonly teams: readonly string[];
  /** This month in the org's zone, for a month named without its year. */
  readonly today: { readonly year: number; readonly month: number };
};

const PERIODS: Readonly<Record<string, string>> = {
  本周: '本周',
  这周: '本周',
  本星期: '本周',
  这星期: '本周',
  上周: '上周',
  上星期: '上周',
  本月: '本月',
  这月: '本月',
  这个月: '本月',
  上月: '上月',
  上个月: '上月',
  'this-week': 'this-week',
  thisweek: 'this-week',
  'this week': 'this-week',
  'last-week': 'last-week',
  lastweek: 'last-week',
  'last week': 'last-week',
  'this-month': 'this-month',
  thismonth: 'this-month',
  'this month': 'this-month',
  'last-month': 'last-month',
  lastmonth: 'last-month',
  'last month': 'last-month',
};

const KINDS: Readonly<Record<string, ReportKind>> = {
  渠道: 'channels',
  channels: 'channels',
  channel: 'channels',
  售后: 'afterSales',
  'after-sales': 'afterSales',
  aftersales: 'afterSales',
  after_sales: 'afterSales',
  热力图: 'heatmap',
  heatmap: 'heatmap',
  'heat-map': 'heatmap',
};

const fold = (word: string) => word.normalize('NFKC').toLowerCase();

export function parseReportAsk(args: readonly string[], ctx: ReportGrammarContext): ReportAskResult {
  const words = args.flatMap((a) => fold(a).split(/\s+/)).filter(Boolean);
  const typed = args.flatMap((a) => a.split(/\s+/)).filter(Boolean);
  const periods: string[] = [];
  const kinds: ReportKind[] = [];
  const rest: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    // "this week", "last month": two words in English.
    const pair = `${word} ${words[i + 1] ?? ''}`;
    if (PERIODS[pair]) {
      periods.push(PERIODS[pair]);
      i++;
      continue;
    }
    const period = PERIODS[word] ?? monthOf(word, ctx.today);
    if (period) periods.push(period);
    else if (KINDS[word]) kinds.push(KINDS[word]);
    else rest.push(typed[i] ?? word);
  }
  if (periods.length > 1 || kinds.length > 1) return { ok: false, problem: { kind: 'too_many' } };
  const team = rest.length ? teamNamed(rest.join(' '), ctx.teams) : undefined;
  if (rest.length && !team) return { ok: false, problem: { kind: 'unknown', words: rest.join(' ') } };
  return {
    ok: true,
    ask: {
      ...(periods[0] ? { period: periods[0] } : {}),
      ...(kinds[0] ? { kind: kinds[0] } : {}),
      ...(team ? { team } : {}),
    },
  };
}

/** `2026-11`, `2026/11`, `2026.11`, `2026年11月`, `11月`: a month as computeReport's `YYYY-MM`. */
function monthOf(word: string, today: ReportGrammarContext['today']): string | undefined {
  const full = /^(\d{4})(?:[-/.]|年)(\d{1,2})月?$/.exec(word);
  const bare = /^(\d{1,2})月(?:份)?$/.exec(word);
  const year = full ? Number(full[1]) : undefined;
  const month = Number(full?.[2] ?? bare?.[1] ?? 0);
  if (month < 1 || month > 12 || (!full && !bare)) return undefined;
  const y = year ?? (month <= today.month ? today.year : today.year - 1);
  return `${y}-${String(month).padStart(2, '0')}`;
}

/** A team's name without what people leave out when they say it: 华东 for 华东销售组, 华东组. */
const teamKey = (name: string) =>
  fold(name)
    .replace(/\s+/g, '')
    .replace(/(销售组|销售部|组|team)$/u, '');

/** The team the words name: the same name, else the one team whose name starts with what was said. */
function teamNamed(words: string, teams: readonly string[]): string | undefined {
  const key = teamKey(words);
  if (!key) return undefined;
  const same = teams.find((t) => teamKey(t) === key);
  if (same) return same;
  const starting = teams.filter((t) => teamKey(t).startsWith(key));
  return starting.length === 1 ? starting[0] : undefined;
}

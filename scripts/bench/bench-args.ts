import { parseArgs } from 'node:util';
import { MAX_BATCH } from '../../src/core/leads/intake-leads-batch.js';

export type BenchArgs = {
  /** Sequential single-lead intakes measured (0 skips the scenario). */
  readonly single: number;
  /** Leads sent through batch intake (0 skips the scenario). */
  readonly batch: number;
  /** Leads per intakeLeadsBatch call (at most MAX_BATCH). */
  readonly chunk: number;
  /** Single leads taken in before measuring, so the first calls' compilation is not counted. */
  readonly warmup: number;
  /** Open (owned, unfollowed) leads in the reclaim sweep scenario (0 skips it), and how many of them are due. */
  readonly reclaimOpen: number;
  readonly reclaimDue: number;
  /** Leads of the campaign scenario, taken in by two batch calls and delivered through the outbox (0 skips it). */
  readonly campaign: number;
  /** Complaints of the after-sales scenario, each through every step (0 skips it). */
  readonly afterSales: number;
  /** Follow-ups recorded on claimed leads, one at a time (0 skips the scenario). */
  readonly followUp: number;
  /** The `agenda` scenario: reps and open leads of one morning agenda (0 reps skips it). */
  readonly agendaReps: number;
  readonly agendaOpen: number;
  /** The `plan` scenario: planned leads of the contact plan's sweep (0 skips it), and how many are due. */
  readonly planOpen: number;
  readonly planDue: number;
  /** Only the chart rendering scenario (no database): CPU ms and bytes per PNG, `chartRuns` renders per kind. */
  readonly charts: boolean;
  readonly chartRuns: number;
  /** `--reports`: only the reports scenario (issue #14), over an org of so many leads and follow-up records. */
  readonly reports: boolean;
  readonly reportsLeads: number;
  readonly reportsFollowUps: number;
  /** `--dashboard`: only the dashboard's first load (bytes, requests), over so many leads of this week. */
  readonly dashboard: boolean;
  readonly dashboardLeads: number;
  /** `--digest`: only the weekly digest scenario (issue #14), over an org of so many leads, follow-ups and teams. */
  readonly digest: boolean;
  readonly digestLeads: number;
  readonly digestFollowUps: number;
  readonly digestTeams: number;
  /** `--backup`: only the backup and restore scenario (issue #15), over the demo org plus so many leads. */
  readonly backup: boolean;
  readonly backupLeads: number;
  /** `--scenario load` (issue #16): only the HTTP load scenario, `clients` concurrent clients sending `requests`. */
  readonly scenario: 'load' | undefined;
  readonly clients: number;
  readonly requests: number;
  /** `--export`: only the exports scenario (issue #15), over so many follow-up records of one month. */
  readonly export: boolean;
  readonly exportRows: number;
  /** `--export-source generated`: follow-ups made on the fly instead of read from the database (this process alone). */
  readonly exportSource: 'db' | 'generated';
  /** Exit 1 when a target is missed. */
  readonly strict: boolean;
};

export const BENCH_USAGE =
  'usage: tsx scripts/bench.ts [--single 300] [--batch 10000] [--chunk 1000] [--warmup 100] [--reclaim-open 100000] [--reclaim-due 1000] [--campaign 1200] [--follow-up 300] [--agenda-reps 100] [--agenda-open 100000] [--plan-open 20000] [--plan-due 500] [--after-sales 20] [--charts [--chart-runs 20]] [--reports [--reports-leads 100000] [--reports-follow-ups 1000000]] [--digest [--digest-leads 100000] [--digest-follow-ups 1000000] [--digest-teams 10]] [--dashboard [--dashboard-leads 2000]] [--backup [--backup-leads 20000]] [--scenario load [--clients 16] [--requests 2000]] [--export [--export-rows 1000000] [--export-source db|generated]] [--strict]';

/** A flag the bench cannot use: the message names it; no stack trace is worth showing. */
export class BenchUsageError extends Error {}

/** Reads the bench's flags; a bad one throws a BenchUsageError that names it. */
export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  try {
    return readArgs(argv);
  } catch (error) {
    if (error instanceof BenchUsageError) throw error;
    throw new BenchUsageError((error as Error).message);
  }
}

function readArgs(argv: readonly string[]): BenchArgs {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      single: { type: 'string', default: '300' },
      batch: { type: 'string', default: '10000' },
      chunk: { type: 'string', default: '1000' },
      warmup: { type: 'string', default: '100' },
      'reclaim-open': { type: 'string', default: '100000' },
      'reclaim-due': { type: 'string', default: '1000' },
      campaign: { type: 'string', default: '1200' },
      'after-sales': { type: 'string', default: '20' },
      'follow-up': { type: 'string', default: '300' },
      'agenda-reps': { type: 'string', default: '100' },
      'agenda-open': { type: 'string', default: '100000' },
      'plan-open': { type: 'string', default: '20000' },
      'plan-due': { type: 'string', default: '500' },
      charts: { type: 'boolean', default: false },
      'chart-runs': { type: 'string', default: '20' },
      reports: { type: 'boolean', default: false },
      'reports-leads': { type: 'string', default: '100000' },
      'reports-follow-ups': { type: 'string', default: '1000000' },
      dashboard: { type: 'boolean', default: false },
      'dashboard-leads': { type: 'string', default: '2000' },
      digest: { type: 'boolean', default: false },
      'digest-leads': { type: 'string', default: '100000' },
      'digest-follow-ups': { type: 'string', default: '1000000' },
      'digest-teams': { type: 'string', default: '10' },
      backup: { type: 'boolean', default: false },
      'backup-leads': { type: 'string', default: '20000' },
      scenario: { type: 'string' },
      clients: { type: 'string', default: '16' },
      requests: { type: 'string', default: '2000' },
      export: { type: 'boolean', default: false },
      'export-rows': { type: 'string', default: '1000000' },
      'export-source': { type: 'string', default: 'db' },
      strict: { type: 'boolean', default: false },
    },
    strict: true,
  });
  return {
    single: count('single', values.single, 0),
    batch: count('batch', values.batch, 0),
    chunk: count('chunk', values.chunk, 1, MAX_BATCH),
    warmup: count('warmup', values.warmup, 0),
    reclaimOpen: count('reclaim-open', values['reclaim-open'], 0),
    reclaimDue: count('reclaim-due', values['reclaim-due'], 0),
    campaign: count('campaign', values.campaign, 0, 2 * MAX_BATCH),
    afterSales: count('after-sales', values['after-sales'], 0, 1000),
    followUp: count('follow-up', values['follow-up'], 0),
    agendaReps: count('agenda-reps', values['agenda-reps'], 0),
    agendaOpen: count('agenda-open', values['agenda-open'], 0),
    planOpen: count('plan-open', values['plan-open'], 0),
    planDue: count('plan-due', values['plan-due'], 0),
    charts: values.charts,
    chartRuns: count('chart-runs', values['chart-runs'], 1, 1000),
    reports: values.reports,
    reportsLeads: count('reports-leads', values['reports-leads'], 1),
    reportsFollowUps: count('reports-follow-ups', values['reports-follow-ups'], 0),
    dashboard: values.dashboard,
    dashboardLeads: count('dashboard-leads', values['dashboard-leads'], 0, 100_000),
    digest: values.digest,
    digestLeads: count('digest-leads', values['digest-leads'], 1),
    digestFollowUps: count('digest-follow-ups', values['digest-follow-ups'], 0),
    digestTeams: count('digest-teams', values['digest-teams'], 3, 1000),
    backup: values.backup,
    backupLeads: count('backup-leads', values['backup-leads'], 0),
    scenario: scenarioOf(values.scenario),
    clients: count('clients', values.clients, 1, 1000),
    requests: count('requests', values.requests, 1),
    export: values.export,
    exportRows: count('export-rows', values['export-rows'], 1),
    exportSource: exportSourceOf(values['export-source']),
    strict: values.strict,
  };
}

function exportSourceOf(raw: string | undefined): 'db' | 'generated' {
  if (raw === undefined || raw === 'db' || raw === 'generated') return raw ?? 'db';
  throw new BenchUsageError(`--export-source must be db or generated (got "${raw}")`);
}

function scenarioOf(raw: string | undefined): 'load' | undefined {
  if (raw === undefined || raw === 'load') return raw;
  throw new BenchUsageError(`--scenario must be load (got "${raw}")`);
}

function count(flag: string, raw: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `≥ ${min}` : `from ${min} to ${max}`;
    throw new BenchUsageError(`--${flag} must be a whole number ${range} (got "${raw}")`);
  }
  return n;
}

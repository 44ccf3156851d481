// `npm run bench [-- --single 300] [--batch 10000] [--chunk 1000] [--warmup 100] [--strict]`: lead-intake
// figures as one JSON object on stdout (progress on stderr).
//
// What is measured, and why: the dev database (an in-memory Python server, ~4 ms a command) is far slower
// than MongoDB and is not ours to tune, so wall time and leads/s here say little about production. What the
// code controls, and what carries over to a real MongoDB, is (1) how many database commands an intake sends:
// every `commandStarted` event of the driver, none excluded; and (2) the CPU time of this Node process per
// lead: process.cpuUsage() over the measured loop, so the database server's own CPU is not in it. Latency and
// leads/s are reported too, for the record. Delivery of notices is paused (they are written to the outbox,
// which counts, but not sent), jobs are off and the database is a fresh one dropped at the end.
//
// The judged CPU figure is process.cpuUsage() over the loop / leads, all threads. Two floors that are not our
// code's are measured after warm-up (`calibration`): the CPU this process burns per second while only waiting
// (driver timers, V8 helpers; a dev-server chunk waits minutes) and the CPU of one bare driver round trip
// (`ping`; high on virtual machines). Each scenario also reports `cpuMsPerLeadNetOfIdle` (waiting taken out),
// `cpuMsPerLeadBeyondFloors` (also commands × ping taken out: what our code and mongoose add) and
// `mainThreadCpuMsPerLead` (the JavaScript thread alone; the rest is V8's background compiler and GC
// threads). The warm-up (100 single leads and a batch of 100 by default) is not measured: V8 keeps compiling
// the driver's and our hot paths for the first few hundred calls.
//
// The reclaim scenario (the pools issue) runs the deadline job once over N open leads of which M are due, twice:
// with N and with N/10 open. Its figures are commands and CPU per due lead; equal commands show the cost follows
// what is due, not what is open. It seeds its leads straight into a database of its own, before the indexes exist.
//
// The campaign scenario (quiet delivery) takes N leads of one campaign in two batch calls into a fresh demo org
// with delivery on, waits until the outbox is empty, and counts the messages per channel and per rep; the same
// sends are then priced under each platform's pacing (scripts/bench/price-pacing.ts).
//
// The aftersales scenario (issue #13) runs complaints through raise → assign → start → hours → decision and counts
// the commands of each step (target ≤ 4), then the SLA sweep over 200 and 20 open tasks with 10 due (equal commands).
// The follow-up scenario (#12) records N follow-ups one at a time, each by the owner of a claimed lead of the demo
// org (`--follow-up N`): database commands and CPU per follow-up, every lead then checked to hold its one record.
// The agenda scenario (the follow-ups issue) runs the morning agenda once for R reps over N open leads seeded into
// its own database: database commands per rep (goal ≤ 2) and CPU per rep. The plan scenario runs the contact
// plan's sweep over N planned leads of which M are due, and again over N/10 open: equal commands = cost follows due.
//
// The dashboard scenario (`--dashboard`, issue #14) loads the page once as a browser does from a `/看板` link:
// requests and bytes per kind (HTML, CSS, JS, ECharts, JSON), and the database commands of its one JSON request.
// The load scenario (`--scenario load [--clients 16] [--requests 2000]`, issue #16) runs alone: the HTTP service in
// this process under N concurrent clients with a mixed workload (scripts/bench/load-workload.ts): throughput,
// p50/p99, errors, and the database commands per request, overall and per kind (README "Performance").
// The exports scenario (`--export [--export-rows 1000000] [--export-source generated]`, issue #15) exports one month
// of N follow-ups (from the database, or made on the fly to measure this process alone) as CSV and
// XLSX: rows/s, CPU per 1,000 rows, peak RSS and heap growth (flat memory), database commands, the index used.
// The charts scenario (`--charts`, issue #14) runs alone, without a database: CPU ms and bytes per PNG per chart kind.
// The targets are judged in the output (`meetsTargets`); a miss exits 0 unless --strict. A failed correctness
// check (leads lost, duplicated or not created) always exits 1: its figures would mean nothing.
import { BENCH_USAGE, BenchUsageError, parseBenchArgs } from './bench/bench-args.js';
import { type BenchEnvironment, openBenchEnvironment } from './bench/bench-environment.js';
import { beyondFloors, calibrate } from './bench/calibrate.js';
import { countCommands } from './bench/command-counter.js';
import { AFTER_SALES_TARGETS, runAfterSales } from './bench/run-after-sales.js';
import { AGENDA_TARGETS, runAgenda } from './bench/run-agenda.js';
import { runBackupBench } from './bench/run-backup.js';
import { type BatchFigures, runBatch } from './bench/run-batch.js';
import { CAMPAIGN_TARGETS, runCampaign } from './bench/run-campaign.js';
import { runCharts } from './bench/run-charts.js';
import { runContactPlanBench } from './bench/run-contact-plan.js';
import { dashboardOnly } from './bench/run-dashboard.js';
import { digestOnly } from './bench/run-digest.js';
import { runExportBench } from './bench/run-export.js';
import { FOLLOW_UP_TARGETS, runFollowUps } from './bench/run-follow-up.js';
import { runLoad } from './bench/run-load.js';
import { type ReclaimFigures, runReclaim } from './bench/run-reclaim.js';
import { REPORT_TARGETS, runReports } from './bench/run-reports.js';
import { runSingle, type SingleFigures } from './bench/run-single.js';
import { verifyLeads } from './bench/verify-leads.js';

const TARGETS = {
  single: { dbCommandsPerLead: 5, cpuMsPerLead: 2 },
  batch: { dbCommandsPerLead: 0.05, cpuMsPerLead: 0.3 },
} as const;

const progress = (line: string) => process.stderr.write(`bench: ${line}\n`);

async function main(): Promise<number> {
  const args = parseBenchArgs(process.argv.slice(2));
  // The charts are pure CPU: their scenario runs alone, without the database (scripts/bench/run-charts.ts).
  if (args.charts) return chartsOnly(args.chartRuns, args.strict);
  if (args.reports) return reportsOnly(args.reportsLeads, args.reportsFollowUps, args.strict);
  if (args.dashboard) return dashboardOnly(args.dashboardLeads, args.strict, progress);
  if (args.digest) return digestOnly(args, progress);
  if (args.backup) return backupOnly(args.backupLeads);
  if (args.scenario === 'load') return loadOnly(args.clients, args.requests);
  if (args.export) return exportOnly(args.exportRows, args.exportSource);
  const began = performance.now();
  const env = await openBenchEnvironment(progress);
  try {
    const counter = countCommands(env.connection);
    let next = 0;
    const take = (n: number) => {
      const from = next;
      next += n;
      return from;
    };

    progress(`warm-up: ${args.warmup} single leads and a batch of ${args.warmup}`);
    await runSingle(env, counter, take(args.warmup), args.warmup);
    if (args.warmup > 0)
      await runBatch(env, counter, {
        from: take(args.warmup),
        count: args.warmup,
        chunkSize: args.chunk,
        progress: () => {},
      });

    const calibration = await calibrate(env.connection);
    const idleRate = calibration.idleCpuMsPerSec;
    progress(`calibration: a bare ping costs ${calibration.pingCpuMs} ms CPU, waiting ${idleRate} ms CPU/s`);

    let single: SingleFigures | undefined;
    if (args.single > 0) {
      progress(`single: ${args.single} sequential intakeLead calls`);
      single = await runSingle(env, counter, take(args.single), args.single, idleRate);
      progress(`single: done in ${single.seconds} s`);
    }
    let batch: BatchFigures | undefined;
    if (args.batch > 0) {
      progress(`batch: ${args.batch} leads in chunks of ${args.chunk}`);
      batch = await runBatch(env, counter, {
        from: take(args.batch),
        count: args.batch,
        chunkSize: args.chunk,
        idleRate,
        progress,
      });
    }
    counter.stop();

    const verification = await verifyLeads(env, next);
    const ok = verification.ok && (batch?.notCreated ?? 0) === 0;
    const reclaim = args.reclaimOpen > 0 ? await reclaimScenario(args.reclaimOpen, args.reclaimDue) : null;
    const agenda = args.agendaReps > 0 ? await runAgenda(args.agendaReps, args.agendaOpen, progress) : null;
    const plan = args.planOpen > 0 ? await runContactPlanBench(args.planOpen, args.planDue, progress) : null;
    if (args.campaign > 0) progress(`campaign: ${args.campaign} leads in two batch calls, delivered`);
    const campaign = args.campaign > 0 ? await runCampaign(args.campaign, progress) : null;
    const aftersales = args.afterSales > 0 ? await runAfterSales(args.afterSales, progress) : null;
    // After the intake verification: its own leads would be counted as intake's.
    const followUp = args.followUp > 0 ? await runFollowUps(env, args.followUp, idleRate, progress) : null;
    const judged = judge(single, batch);
    const meetsTargets = {
      ...judged,
      campaign: campaign?.meetsTargets ?? null,
      aftersales: aftersales?.meetsTargets ?? null,
      followUp: followUp?.meetsTargets ?? null,
      agenda: agenda ? agenda.dbCommandsPerRep <= AGENDA_TARGETS.dbCommandsPerRep : null,
      all:
        judged.all &&
        (campaign?.meetsTargets.all ?? true) &&
        (followUp
          ? followUp.meetsTargets.dbCommandsPerFollowUp && followUp.meetsTargets.cpuMsPerFollowUp
          : true) &&
        (agenda ? agenda.dbCommandsPerRep <= AGENDA_TARGETS.dbCommandsPerRep : true) &&
        (aftersales?.meetsTargets ?? true),
    };
    const report = {
      database: env.database,
      node: process.version,
      calibration,
      single: single ? { ...single, cpuMsPerLeadBeyondFloors: beyondFloors(single, calibration) } : null,
      batch: batch ? { ...batch, cpuMsPerLeadBeyondFloors: beyondFloors(batch, calibration), ok } : null,
      verification,
      reclaim,
      campaign,
      aftersales,
      followUp,
      agenda,
      plan,
      ok:
        ok &&
        (reclaim?.ok ?? true) &&
        (campaign?.ok ?? true) &&
        (followUp?.ok ?? true) &&
        (agenda?.ok ?? true) &&
        (plan?.ok ?? true) &&
        (aftersales?.ok ?? true),
      targets: {
        ...TARGETS,
        campaign: CAMPAIGN_TARGETS,
        followUp: FOLLOW_UP_TARGETS,
        agenda: AGENDA_TARGETS,
        aftersales: AFTER_SALES_TARGETS,
      },
      meetsTargets,
      runSeconds: Math.round((performance.now() - began) / 100) / 10,
    };
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    if (
      !ok ||
      (reclaim && !reclaim.ok) ||
      (campaign && !campaign.ok) ||
      (followUp && !followUp.ok) ||
      (agenda && !agenda.ok) ||
      (plan && !plan.ok) ||
      (aftersales && !aftersales.ok)
    )
      return 1;
    return args.strict && !meetsTargets.all ? 1 : 0;
  } finally {
    await closeQuietly(env);
  }
}

/**
 * The deadline job's sweep over `open` leads of which `due` are due, and again over a tenth as many open leads with
 * the same number due: the commands must be the same (the cost follows what is due, not what is open).
 */
async function reclaimScenario(open: number, due: number) {
  const smaller = Math.max(due, Math.round(open / 10));
  progress(`reclaim: ${open} open, ${due} due (and ${smaller} open for comparison)`);
  const large: ReclaimFigures = await runReclaim(open, due, progress);
  const small: ReclaimFigures = await runReclaim(smaller, due, progress);
  return {
    ...large,
    comparedWith: { open: small.open, due: small.due, dbCommands: small.dbCommands, cpuMs: small.cpuMs },
    followsDueNotOpen: large.dbCommands === small.dbCommands,
    ok: large.ok && small.ok && large.dbCommands === small.dbCommands,
  };
}

/** `--reports` (issue #14): the reports scenario alone, in a database of its own (its seed takes minutes). */
async function reportsOnly(leads: number, followUps: number, strict: boolean): Promise<number> {
  const began = performance.now();
  const reports = await runReports(leads, followUps, progress);
  const runSeconds = Math.round((performance.now() - began) / 100) / 10;
  process.stdout.write(
    `${JSON.stringify({ node: process.version, reports, targets: REPORT_TARGETS, runSeconds }, null, 2)}\n`,
  );
  if (!reports.ok) return 1;
  return strict && !reports.meetsTargets ? 1 : 0;
}

/** `--backup` (issue #15): backup and restore throughput alone, in a database of its own. */
async function backupOnly(leads: number): Promise<number> {
  const backup = await runBackupBench(leads, progress);
  process.stdout.write(`${JSON.stringify({ node: process.version, backup }, null, 2)}\n`);
  return 0;
}

/** `--scenario load` (issue #16): the HTTP service under N concurrent clients, in a database of its own. */
async function loadOnly(clients: number, requests: number): Promise<number> {
  const load = await runLoad(clients, requests, progress);
  process.stdout.write(`${JSON.stringify({ node: process.version, load }, null, 2)}\n`);
  return load.ok ? 0 : 1;
}

async function exportOnly(rows: number, source: 'db' | 'generated'): Promise<number> {
  const exports = await runExportBench(rows, progress, source);
  process.stdout.write(`${JSON.stringify({ node: process.version, exports }, null, 2)}\n`);
  return 0;
}

/** A skipped scenario meets nothing and fails nothing: its entries are null and `all` ignores them. */
function judge(single: SingleFigures | undefined, batch: BatchFigures | undefined) {
  const within = (
    figures: SingleFigures | BatchFigures | undefined,
    target: (typeof TARGETS)[keyof typeof TARGETS],
  ) =>
    figures
      ? {
          dbCommandsPerLead: figures.dbCommandsPerLead <= target.dbCommandsPerLead,
          cpuMsPerLead: figures.cpuMsPerLead <= target.cpuMsPerLead,
        }
      : null;
  const result = { single: within(single, TARGETS.single), batch: within(batch, TARGETS.batch) };
  const all = [result.single, result.batch].every(
    (r) => r === null || (r.dbCommandsPerLead && r.cpuMsPerLead),
  );
  return { ...result, all };
}

async function chartsOnly(runs: number, strict: boolean): Promise<number> {
  const charts = await runCharts(runs, progress);
  process.stdout.write(`${JSON.stringify({ node: process.version, charts }, null, 2)}\n`);
  return strict && !charts.meetsTargets.cpuMsPerPng ? 1 : 0;
}

async function closeQuietly(env: BenchEnvironment): Promise<void> {
  try {
    await env.close();
  } catch (error) {
    progress(`could not drop the bench database or stop the server: ${(error as Error).message}`);
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof BenchUsageError) progress(`${error.message}\n${BENCH_USAGE}`);
    else progress(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exitCode = 2;
  },
);

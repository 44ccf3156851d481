import { outboxNotifier } from '../../src/chat/outbox/outbox-notifier.js';
import { digestDue, sendWeeklyDigests } from '../../src/core/reports/index.js';
import { orgId } from '../../src/core/shared/ids.js';
import { mongoDigestRuns } from '../../src/storage/repositories/digest-runs.js';
import type { BenchArgs } from './bench-args.js';
import { countCommands, totalOf } from './command-counter.js';
import { openPlanBench, round } from './plan-bench-db.js';
import { seedReportData } from './seed-report-data.js';

/** The goal the issue sets: database commands of a digest run, per team of the org. */
export const DIGEST_TARGETS = { dbCommandsPerTeam: 10 } as const;

const HOUR = 3_600_000;

export type DigestBenchOptions = {
  readonly leads: number;
  readonly followUps: number;
  readonly teams: number;
};

/**
 * One weekly digest run (the `reports.weekly-digest` job at the org's Monday slot) for an org of `leads` leads and
 * `followUps` follow-up records over 12 weeks in `teams` teams: database commands per team (goal ≤ 10) and CPU ms
 * of the run (the reports, the cards' data, one publish, the run marker), then of delivering the cards (drawing
 * their charts, the sandbox's store). A second run of the same minute is measured too: it must cost the orgs read.
 */
export async function runDigest(options: DigestBenchOptions, progress: (line: string) => void) {
  const bench = await openPlanBench('digest');
  const { app, connection, demo } = bench;
  try {
    const seed = await seedReportData(bench, { ...options, reps: Math.max(50, options.teams * 5), progress });
    const org = (await app.repos.orgs.get(orgId(demo.orgId)))!;
    // The seed's week ends now; the digest is due once this week's Monday 09:00 has passed (else wait for it).
    while (!digestDue(org, app.clock.now())) app.clock.advance(HOUR);
    // The outbox as the app's notifier writes it, without its nudge to deliver: the run is measured alone.
    const notifier = outboxNotifier(app.repos.outbox, app.clock, () => {}, app.repos.members);
    const deps = { ...app.repos, runs: mongoDigestRuns(app.models), notifier, clock: app.clock };
    await app.outboxPump.idle();
    const counter = countCommands(connection);
    const measure = async <T>(work: () => Promise<T>) => {
      const mark = counter.mark();
      const cpu = process.cpuUsage();
      const t0 = performance.now();
      const result = await work();
      const used = process.cpuUsage(cpu);
      const commands = counter.since(mark);
      const cpuMs = round((used.user + used.system) / 1000, 1);
      return {
        result,
        dbCommands: totalOf(commands),
        commands,
        cpuMs,
        wallMs: round(performance.now() - t0, 1),
      };
    };
    progress('digest: the run');
    const run = await measure(() => sendWeeklyDigests(deps));
    const again = await measure(() => sendWeeklyDigests(deps));
    progress('digest: delivering the cards');
    const delivery = await measure(() => app.outboxPump.runNow());
    counter.stop();
    const teams = (await app.repos.teams.list(org.id)).length;
    const perTeam = round(run.dbCommands / teams, 2);
    const { result: cards, ...runFigures } = run;
    return {
      ...{ leads: options.leads, followUps: options.followUps, teams, reps: seed.reps.length, cards },
      ...{ seedSeconds: seed.seedSeconds, period: digestDue(org, app.clock.now())?.period },
      run: runFigures,
      dbCommandsPerTeam: perTeam,
      secondRun: { dbCommands: again.dbCommands, cards: again.result },
      delivery: { dbCommands: delivery.dbCommands, cpuMs: delivery.cpuMs, wallMs: delivery.wallMs },
      meetsTargets: perTeam <= DIGEST_TARGETS.dbCommandsPerTeam,
      ok: cards > 0 && again.result === 0,
    };
  } finally {
    await bench.close();
  }
}

/** `--digest` (issue #14): the digest scenario alone, in a database of its own (its seed takes minutes). */
export async function digestOnly(args: BenchArgs, progress: (line: string) => void): Promise<number> {
  const began = performance.now();
  const options = { leads: args.digestLeads, followUps: args.digestFollowUps, teams: args.digestTeams };
  const digest = await runDigest(options, progress);
  const runSeconds = Math.round((performance.now() - began) / 100) / 10;
  const out = { node: process.version, digest, targets: DIGEST_TARGETS, runSeconds };
  process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  if (!digest.ok) return 1;
  return args.strict && !digest.meetsTargets ? 1 : 0;
}

import { apiCaller } from '../../src/core/org/caller.js';
import { computeReport, type ReportDeps, weekOf } from '../../src/core/reports/index.js';
import { countCommands, totalOf } from './command-counter.js';
import { openPlanBench, round } from './plan-bench-db.js';
import { declaredIndexes, explainPlans, indexUses, recordQueries } from './run-reports-indexes.js';
import { seedReportData } from './seed-report-data.js';

/** The goal the issue sets: database commands for one team's report (every section of the sales figures). */
export const REPORT_TARGETS = { dbCommandsPerTeam: 10 } as const;

/**
 * One team's report (every sales section, last week) for an org of `leads` leads and `followUps` follow-up records
 * over 12 weeks, each team in turn: database commands per report (goal ≤ 10), this process's CPU ms and wall ms.
 * The after-sales figures are the org's (not a team's): measured once, apart.
 */
export async function runReports(leads: number, followUps: number, progress: (line: string) => void) {
  const bench = await openPlanBench('reports');
  const { app, connection, demo } = bench;
  try {
    const seed = await seedReportData(bench, { leads, followUps, reps: 50, progress });
    const org = (await app.repos.orgs.get(demo.orgId as never))!;
    const { reports, campaigns, teams, members, afterSalesFigures } = app.repos;
    const deps: ReportDeps = { reports, campaigns, teams, members, afterSalesFigures, clock: app.clock };
    const caller = apiCaller(org, ['director']);
    const period = weekOf(app.clock.now(), org.settings.timeZone, -1);
    const counter = countCommands(connection);
    const queries = recordQueries(connection);
    const measure = async (input: Record<string, unknown>) => {
      const mark = counter.mark();
      const cpu = process.cpuUsage();
      const t0 = performance.now();
      const report = await computeReport(deps, caller, { ...input, from: period.from, to: period.to });
      const used = process.cpuUsage(cpu);
      const commands = counter.since(mark);
      return {
        ...{ dbCommands: totalOf(commands), commands, cpuMs: round((used.user + used.system) / 1000, 1) },
        ...{ wallMs: round(performance.now() - t0, 1), assigned: report.total?.assigned ?? 0 },
      };
    };
    await measure({ sections: ['summary'] }); // warm-up: the first call compiles the hot paths
    queries.take();
    const perTeam = [];
    const indexes = declaredIndexes(app.models as never);
    for (const team of await teams.list(org.id)) {
      progress(`reports: team ${team.name}`);
      const figures = await measure({
        team: team.id,
        sections: ['summary', 'reps', 'funnel', 'channels', 'heatmap'],
      });
      perTeam.push({ team: team.name, ...figures, queries: indexUses(queries.take(), indexes) });
    }
    const afterSales = await measure({ sections: ['afterSales'] });
    const orgWide = await measure({ sections: ['summary', 'reps', 'funnel', 'channels', 'heatmap'] });
    const orgQueries = queries.take();
    counter.stop();
    queries.stop();
    progress('reports: explain');
    const explain = await explainPlans(connection, orgQueries);
    const scans = [...perTeam.flatMap((t) => t.queries), ...indexUses(orgQueries, indexes)].filter(
      (q) => !q.index,
    );
    const worst = Math.max(...perTeam.map((t) => t.dbCommands));
    return {
      ...{
        leads,
        followUps,
        reps: seed.reps.length,
        weeks: 12,
        seedSeconds: seed.seedSeconds,
        seed: seed.seconds,
      },
      period,
      perTeam,
      afterSalesOrgWide: afterSales,
      orgWide: { ...orgWide, queries: indexUses(orgQueries, indexes) },
      withoutUsableIndex: scans.length,
      explain,
      dbCommandsPerTeamMax: worst,
      meetsTargets: worst <= REPORT_TARGETS.dbCommandsPerTeam,
      ok: perTeam.every((t) => t.assigned > 0),
    };
  } finally {
    await bench.close();
  }
}

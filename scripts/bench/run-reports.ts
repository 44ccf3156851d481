import { Types } from 'mongoose';
import { apiCaller } from '../../src/core/org/caller.js';
import { computeReport, type ReportDeps, weekOf } from '../../src/core/reports/index.js';
import { countCommands, totalOf } from './command-counter.js';
import { openPlanBench, round, seedReps } from './plan-bench-db.js';

/** The goal the issue sets: database commands for one team's report (every section of the sales figures). */
export const REPORT_TARGETS = { dbCommandsPerTeam: 10 } as const;

const H = 3_600_000;
const D = 24 * H;
const WEEKS = 12;
const CHUNK = 5_000;
const SOURCES = ['web', 'api', 'phone', 'wechat', 'expo'];
const STAGES = ['lead', 'lead', 'intent', 'contact', 'quote', 'won', 'lost'];

type Rep = { _id: Types.ObjectId; teamId?: Types.ObjectId; name: string };

/** An id minted at `at`, as intake mints it (the channel figures select leads by their `_id` time). */
const idAt = (at: Date) =>
  new Types.ObjectId(
    Math.floor(at.getTime() / 1000)
      .toString(16)
      .padStart(8, '0') + new Types.ObjectId().toHexString().slice(8),
  );

/** One assigned lead of the last WEEKS weeks, shaped as intake, the ladder, follow-ups and stage changes leave it. */
function leadDoc(orgId: Types.ObjectId, rep: Rep, i: number, start: number) {
  const assignedAt = new Date(start + ((i * 7_919) % (WEEKS * 7 * 24)) * H + (i % 60) * 60_000);
  const stage = STAGES[i % STAGES.length] as string;
  const responded = i % 5 !== 0;
  const respondedAt = new Date(assignedAt.getTime() + ((i % 47) + 1) * H);
  return {
    ...{ _id: idAt(assignedAt), orgId, code: `L-${200_000 + i}`, contact: { name: `客户${i}` }, tags: [] },
    ...{ source: SOURCES[i % SOURCES.length], ...(i % 3 === 0 ? { campaign: `活动${i % 10}` } : {}) },
    ...{
      score: 40,
      grade: 'normal',
      status: 'claimed',
      teamId: rep.teamId,
      ownerId: rep._id,
      ownerName: rep.name,
    },
    ...{ assignedAt, reclaimAt: new Date(assignedAt.getTime() + 48 * H), claimedAt: assignedAt },
    followUpStatus: responded ? 'following' : 'unfollowed',
    ...(responded
      ? { respondedAt, lastFollowUp: { id: `f${i}`, at: respondedAt, channel: 'phone', count: 1 + (i % 9) } }
      : {}),
    ...(stage === 'lead' ? {} : { stage: { key: stage, since: respondedAt, ...stageData(stage, i) } }),
    ...(i % 50 === 0
      ? { lastReclaim: { at: new Date(assignedAt.getTime() + 48 * H), fromOwnerId: rep._id, stale: false } }
      : {}),
    history: [
      { type: 'assigned', at: assignedAt, ownerId: rep._id },
      ...(stage === 'lead'
        ? []
        : [
            {
              type: 'stage_changed',
              at: respondedAt,
              stage: { from: 'lead', to: stage, satMs: ((i % 13) + 1) * D },
            },
          ]),
    ],
    ...{ version: 3, createdAt: assignedAt, updatedAt: respondedAt },
  };
}

const stageData = (stage: string, i: number) =>
  stage === 'won'
    ? { deal: { contractNo: `HT-${i}`, amount: 10_000 + (i % 7) * 1_000, signedAt: new Date() } }
    : stage === 'lost'
      ? { loss: { reason: ['预算不足', '选择竞品', '联系不上'][i % 3] } }
      : {};

/** A follow-up record (version 1) of a rep, somewhere in the last WEEKS weeks. */
const followUpDoc = (orgId: Types.ObjectId, rep: Rep, i: number, start: number) => ({
  ...{
    orgId,
    recordId: new Types.ObjectId(),
    version: 1,
    leadId: new Types.ObjectId(),
    channel: 'phone',
    content: '',
  },
  ...{ authorId: rep._id, authorName: rep.name, at: new Date(start + ((i * 104_729) % (WEEKS * 7 * D))) },
});

async function seed(
  insert: (docs: unknown[]) => Promise<unknown>,
  count: number,
  make: (i: number) => unknown,
) {
  for (let from = 0; from < count; from += CHUNK)
    await insert(Array.from({ length: Math.min(CHUNK, count - from) }, (_, k) => make(from + k)));
}

/**
 * One team's report (every sales section, last week) for an org of `leads` leads and `followUps` follow-up records
 * over 12 weeks, each team in turn: database commands per report (goal ≤ 10), this process's CPU ms and wall ms.
 * The after-sales figures are the org's (not a team's): measured once, apart.
 */
export async function runReports(leads: number, followUps: number, progress: (line: string) => void) {
  const bench = await openPlanBench('reports');
  const { app, connection, demo } = bench;
  try {
    const reps = (await seedReps(app, demo.orgId, 50)) as Rep[];
    const orgId = new Types.ObjectId(demo.orgId);
    const start = app.clock.now().getTime() - WEEKS * 7 * D;
    const began = performance.now();
    progress(`reports: seeding ${leads} leads and ${followUps} follow-ups over ${reps.length} reps`);
    // Seed first, index once (as the other scenarios do): the dev server checks a unique index by scanning.
    await app.models.FollowUp.collection.dropIndexes();
    await seed(
      (d) => app.models.Lead.collection.insertMany(d as never[], { ordered: false }),
      leads,
      (i) => leadDoc(orgId, reps[i % reps.length]!, i, start),
    );
    await seed(
      (d) => app.models.FollowUp.collection.insertMany(d as never[], { ordered: false }),
      followUps,
      (i) => followUpDoc(orgId, reps[(i * 31) % reps.length]!, i, start),
    );
    await app.models.Lead.createIndexes();
    await app.models.FollowUp.createIndexes();
    for (let c = 0; c < 10; c += 3)
      await app.repos.campaigns.setCost(demo.orgId as never, {
        name: `活动${c}`,
        cost: 50_000,
        currency: 'CNY',
        updatedAt: new Date(),
      });
    const seedSeconds = round((performance.now() - began) / 1000, 1);
    const org = (await app.repos.orgs.get(demo.orgId as never))!;
    const { reports, campaigns, teams, members, afterSalesFigures } = app.repos;
    const deps: ReportDeps = { reports, campaigns, teams, members, afterSalesFigures, clock: app.clock };
    const caller = apiCaller(org, ['director']);
    const period = weekOf(app.clock.now(), org.settings.timeZone, -1);
    const counter = countCommands(connection);
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
    const perTeam = [];
    for (const team of await teams.list(org.id)) {
      progress(`reports: team ${team.name}`);
      perTeam.push({
        team: team.name,
        ...(await measure({ team: team.id, sections: ['summary', 'reps', 'funnel', 'channels', 'heatmap'] })),
      });
    }
    const afterSales = await measure({ sections: ['afterSales'] });
    counter.stop();
    const worst = Math.max(...perTeam.map((t) => t.dbCommands));
    return {
      ...{ leads, followUps, reps: reps.length, weeks: WEEKS, seedSeconds, period },
      perTeam,
      afterSalesOrgWide: afterSales,
      dbCommandsPerTeamMax: worst,
      meetsTargets: worst <= REPORT_TARGETS.dbCommandsPerTeam,
      ok: perTeam.every((t) => t.assigned > 0),
    };
  } finally {
    await bench.close();
  }
}

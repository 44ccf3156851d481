import { outboxNotifier } from '../../src/chat/outbox/outbox-notifier.js';
import { runContactPlan } from '../../src/core/follow-ups/run-contact-plan.js';
import { countCommands, totalOf } from './command-counter.js';
import { openPlanBench, plannedLeadDoc, round, seedReps } from './plan-bench-db.js';

export type PlanSweepFigures = {
  readonly open: number;
  readonly due: number;
  readonly reminded: number;
  readonly dbCommands: number;
  readonly dbCommandsPerDueLead: number;
  readonly commands: Record<string, number>;
  readonly cpuMs: number;
  readonly cpuMsPerDueLead: number;
  readonly ok: boolean;
};

const HOUR_MS = 3_600_000;
const SEED_CHUNK = 5_000;

/** One run of the contact plan's job over `open` planned leads of which `due` have their reminder due. */
async function sweepOnce(
  open: number,
  due: number,
  progress: (line: string) => void,
): Promise<PlanSweepFigures> {
  const bench = await openPlanBench('plan');
  const { app, connection, demo } = bench;
  try {
    const reps = await seedReps(app, demo.orgId, 0);
    const now = app.clock.now();
    progress(`plan: seeding ${open} planned leads (${due} due)`);
    for (let from = 0; from < open; from += SEED_CHUNK) {
      const docs = Array.from({ length: Math.min(SEED_CHUNK, open - from) }, (_, k) => {
        const i = from + k;
        const next = new Date(now.getTime() + (i < due ? -0.5 : 24 + (i % 48)) * HOUR_MS);
        return plannedLeadDoc(demo.orgId, reps[i % reps.length]!, i, {
          nextContactAt: next,
          lastFollowUpAt: new Date(now.getTime() - 24 * HOUR_MS),
          dueAt: next,
        });
      });
      await app.models.Lead.collection.insertMany(docs as never[], { ordered: false });
    }
    await app.models.Lead.createIndexes();
    const deps = {
      ...app.intakeDeps,
      notifier: outboxNotifier(app.repos.outbox, app.clock, () => {}),
      orgs: app.repos.orgs,
      teams: app.repos.teams,
    };
    const counter = countCommands(connection);
    const mark = counter.mark();
    const cpu = process.cpuUsage();
    const steps = await runContactPlan(deps);
    const used = process.cpuUsage(cpu);
    const commands = counter.since(mark);
    counter.stop();
    const reminded = await app.models.Lead.countDocuments({ 'plan.remindedAt': { $exists: true } });
    const cpuMs = (used.user + used.system) / 1000;
    const total = totalOf(commands);
    return {
      open,
      due,
      reminded,
      dbCommands: total,
      dbCommandsPerDueLead: round(total / Math.max(1, due)),
      commands,
      cpuMs: round(cpuMs, 1),
      cpuMsPerDueLead: round(cpuMs / Math.max(1, due)),
      ok: steps === due && reminded === due,
    };
  } finally {
    await bench.close();
  }
}

/**
 * The plan sweep with `open` and a tenth as many open leads, the same number due: equal commands show the run's
 * cost follows what is due, not what is open.
 */
export async function runContactPlanBench(open: number, due: number, progress: (line: string) => void) {
  const smaller = Math.max(due, Math.round(open / 10));
  const large = await sweepOnce(open, due, progress);
  const small = await sweepOnce(smaller, due, progress);
  return {
    ...large,
    comparedWith: { open: small.open, due: small.due, dbCommands: small.dbCommands, cpuMs: small.cpuMs },
    followsDueNotOpen: large.dbCommands === small.dbCommands,
    ok: large.ok && small.ok && large.dbCommands === small.dbCommands,
  };
}

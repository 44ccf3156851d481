import { outboxNotifier } from '../../src/chat/outbox/outbox-notifier.js';
import { sendMorningAgenda } from '../../src/core/follow-ups/send-morning-agenda.js';
import { mongoAgendaRuns } from '../../src/storage/repositories/agenda-runs.js';
import { countCommands, totalOf } from './command-counter.js';
import { openPlanBench, plannedLeadDoc, round, seedReps } from './plan-bench-db.js';

export type AgendaFigures = {
  readonly reps: number;
  readonly open: number;
  readonly cards: number;
  readonly dbCommands: number;
  readonly dbCommandsPerRep: number;
  readonly commands: Record<string, number>;
  readonly cpuMs: number;
  readonly cpuMsPerRep: number;
  readonly seconds: number;
  readonly ok: boolean;
};

/** The goal the issue sets: database commands per rep for one morning agenda. */
export const AGENDA_TARGETS = { dbCommandsPerRep: 2 } as const;

const HOUR_MS = 3_600_000;
const SEED_CHUNK = 5_000;

/**
 * The morning agenda for `reps` reps over `open` open leads (about a tenth to contact today, a twentieth overdue,
 * a twentieth stalled, the rest planned for later days), seeded straight into the bench's own database. One run
 * of the job, measured: every database command and this process's CPU, per rep.
 */
export async function runAgenda(
  reps: number,
  open: number,
  progress: (line: string) => void,
): Promise<AgendaFigures> {
  const bench = await openPlanBench('agenda');
  const { app, connection, demo } = bench;
  try {
    const members = await seedReps(app, demo.orgId, reps);
    const now = app.clock.now();
    progress(`agenda: seeding ${open} open leads over ${members.length} reps`);
    const hours = (h: number) => new Date(now.getTime() + h * HOUR_MS);
    for (let from = 0; from < open; from += SEED_CHUNK) {
      const docs = Array.from({ length: Math.min(SEED_CHUNK, open - from) }, (_, k) => {
        const i = from + k;
        const kind = i % 20;
        const at =
          kind < 2
            ? { nextContactAt: hours(1 + (i % 8)), lastFollowUpAt: hours(-48) }
            : kind === 2
              ? { nextContactAt: hours(-30), lastFollowUpAt: hours(-72) }
              : kind === 3
                ? { lastFollowUpAt: hours(-24 * 6), stage: 'quote' }
                : { nextContactAt: hours(24 * (2 + (i % 5))), lastFollowUpAt: hours(-24) };
        return plannedLeadDoc(demo.orgId, members[i % members.length]!, i, at);
      });
      await app.models.Lead.collection.insertMany(docs as never[], { ordered: false });
    }
    await app.models.Lead.createIndexes();
    const deps = {
      orgs: app.repos.orgs,
      members: app.repos.members,
      teams: app.repos.teams,
      leads: app.repos.leads,
      runs: mongoAgendaRuns(app.models),
      notifier: outboxNotifier(app.repos.outbox, app.clock, () => {}),
      clock: app.clock,
    };
    progress('agenda: running the morning agenda once');
    const counter = countCommands(connection);
    const mark = counter.mark();
    const cpu = process.cpuUsage();
    const began = performance.now();
    const cards = await sendMorningAgenda(deps);
    const seconds = (performance.now() - began) / 1000;
    const used = process.cpuUsage(cpu);
    const commands = counter.since(mark);
    counter.stop();
    const receivers = await app.models.Member.countDocuments({
      orgId: demo.orgId,
      active: true,
      roles: { $in: ['rep', 'manager'] },
    });
    const stored = await app.models.OutboxEntry.countDocuments({ kind: 'plan.agenda' });
    const cpuMs = (used.user + used.system) / 1000;
    const total = totalOf(commands);
    return {
      reps: members.length,
      open,
      cards,
      dbCommands: total,
      dbCommandsPerRep: round(total / Math.max(1, members.length)),
      commands,
      cpuMs: round(cpuMs, 1),
      cpuMsPerRep: round(cpuMs / Math.max(1, members.length)),
      seconds: round(seconds, 1),
      ok: cards === receivers && stored === receivers,
    };
  } finally {
    await bench.close();
  }
}

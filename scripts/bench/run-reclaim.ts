import { randomUUID } from 'node:crypto';
import { Types } from 'mongoose';
import pino from 'pino';
import { outboxNotifier } from '../../src/chat/outbox/outbox-notifier.js';
import { composeApp } from '../../src/config/compose-app.js';
import { startDemo } from '../../src/config/start-demo.js';
import { runLeadDeadlines } from '../../src/core/pools/run-lead-deadlines.js';
import { connectDatabase } from '../../src/storage/connect-database.js';
import { startDevDbServer } from '../../src/storage/dev-db-server.js';
import { countCommands, totalOf } from './command-counter.js';

export type ReclaimFigures = {
  readonly open: number;
  readonly due: number;
  readonly reclaimed: number;
  readonly dbCommands: number;
  readonly dbCommandsPerDueLead: number;
  readonly commands: Record<string, number>;
  readonly cpuMs: number;
  readonly cpuMsPerDueLead: number;
  readonly seconds: number;
  readonly ok: boolean;
};

const HOUR_MS = 3_600_000;
const SEED_CHUNK = 5_000;

/**
 * One run of the deadline job over `open` owned, unfollowed leads of which `due` are past their reclaim time. The
 * leads are written straight into the collection before its indexes are built (seeding 100,000 through intake
 * would take the dev server hours and measure nothing of the job); the job then runs as in production.
 */
export async function runReclaim(
  open: number,
  due: number,
  progress: (line: string) => void,
): Promise<ReclaimFigures> {
  const external = process.env.MONGODB_URI;
  const server = external ? undefined : await startDevDbServer();
  const uri = external ?? `${server!.uri}&connectTimeoutMS=600000`;
  const connection = await connectDatabase({
    uri,
    dbName: `bench_reclaim_${randomUUID().slice(0, 8)}`,
    monitorCommands: true,
  });
  try {
    const app = composeApp({
      connection,
      config: { SANDBOX_ENABLED: true, JOBS_ENABLED: false, BODY_LIMIT: '1mb', OUTBOX_INTERVAL_MS: 60_000 },
      log: pino({ level: 'silent' }),
    });
    // Every index but the leads' now; the leads' after seeding, as one pass over the data.
    for (const [name, model] of Object.entries(app.models)) if (name !== 'Lead') await model.createIndexes();
    await app.models.Lead.createCollection();
    const demo = await startDemo(app, { reset: false });
    await app.outboxPump.idle();
    const reps = await app.models.Member.find({ orgId: demo.orgId, roles: 'rep' }).lean();
    const now = app.clock.now();
    progress(`reclaim: seeding ${open} open leads (${due} due)`);
    for (let from = 0; from < open; from += SEED_CHUNK) {
      const docs = Array.from({ length: Math.min(SEED_CHUNK, open - from) }, (_, k) => {
        const i = from + k;
        const rep = reps[i % reps.length]!;
        const assignedAt = new Date(now.getTime() - (i < due ? 49 : 1) * HOUR_MS);
        return {
          _id: new Types.ObjectId(),
          orgId: new Types.ObjectId(demo.orgId),
          contact: { name: `客户${i}`, phone: String(15_000_000_000 + i) },
          source: 'api',
          tags: [],
          score: 40,
          grade: 'normal',
          status: 'claimed',
          teamId: rep.teamId,
          ownerId: rep._id,
          ownerName: rep.name,
          assignedAt,
          claimedAt: assignedAt,
          followUpStatus: 'unfollowed',
          nudgeAt: new Date(assignedAt.getTime() + 24 * HOUR_MS),
          managerAt: new Date(assignedAt.getTime() + 36 * HOUR_MS),
          reclaimAt: new Date(assignedAt.getTime() + 48 * HOUR_MS),
          dueStep: 'reclaim',
          dueAt: new Date(assignedAt.getTime() + 48 * HOUR_MS),
          history: [{ type: 'claimed', at: assignedAt, ownerId: rep._id }],
          version: 2,
          createdAt: assignedAt,
          updatedAt: assignedAt,
        };
      });
      await app.models.Lead.collection.insertMany(docs, { ordered: false });
    }
    await app.models.Lead.createIndexes();
    const deps = {
      ...app.intakeDeps,
      notifier: outboxNotifier(app.repos.outbox, app.clock, () => {}),
      orgs: app.repos.orgs,
      teams: app.repos.teams,
    };
    progress('reclaim: running the deadline job once');
    const counter = countCommands(connection);
    const mark = counter.mark();
    const cpu = process.cpuUsage();
    const began = performance.now();
    const steps = await runLeadDeadlines(deps);
    const seconds = (performance.now() - began) / 1000;
    const used = process.cpuUsage(cpu);
    const commands = counter.since(mark);
    counter.stop();
    const reclaimed = await app.models.Lead.countDocuments({ status: 'pooled' });
    const untouched = await app.models.Lead.countDocuments({ status: 'claimed', dueStep: 'reclaim' });
    const cpuMs = (used.user + used.system) / 1000;
    const round = (n: number, d = 3) => Math.round(n * 10 ** d) / 10 ** d;
    return {
      open,
      due,
      reclaimed,
      dbCommands: totalOf(commands),
      dbCommandsPerDueLead: round(totalOf(commands) / Math.max(1, due)),
      commands,
      cpuMs: round(cpuMs, 1),
      cpuMsPerDueLead: round(cpuMs / Math.max(1, due)),
      seconds: round(seconds, 1),
      ok: steps === due && reclaimed === due && untouched === open - due,
    };
  } finally {
    await connection.dropDatabase().catch(() => undefined);
    await connection.close();
    await server?.stop();
  }
}

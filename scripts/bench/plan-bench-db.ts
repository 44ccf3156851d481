import { randomUUID } from 'node:crypto';
import { Types } from 'mongoose';
import pino from 'pino';
import { type ComposedApp, composeApp } from '../../src/config/compose-app.js';
import { startDemo } from '../../src/config/start-demo.js';
import { connectDatabase } from '../../src/storage/connect-database.js';
import { startDevDbServer } from '../../src/storage/dev-db-server.js';

const HOUR_MS = 3_600_000;

/** A bench database of its own with the demo org, every index but the leads' built (seed first, index once). */
export async function openPlanBench(name: string) {
  const external = process.env.MONGODB_URI;
  const server = external ? undefined : await startDevDbServer();
  // The dev server answers one command at a time: a long aggregation must not read as a lost server.
  const uri =
    external ?? `${server!.uri}&connectTimeoutMS=600000&socketTimeoutMS=0&serverSelectionTimeoutMS=600000`;
  const connection = await connectDatabase({
    uri,
    dbName: `bench_${name}_${randomUUID().slice(0, 8)}`,
    monitorCommands: true,
  });
  const app: ComposedApp = composeApp({
    connection,
    config: { SANDBOX_ENABLED: true, JOBS_ENABLED: false, BODY_LIMIT: '1mb', OUTBOX_INTERVAL_MS: 60_000 },
    log: pino({ level: 'silent' }),
  });
  for (const [model, m] of Object.entries(app.models)) if (model !== 'Lead') await m.createIndexes();
  await app.models.Lead.createCollection();
  const demo = await startDemo(app, { reset: false });
  await app.outboxPump.idle();
  // 09:05 in Shanghai (01:05 UTC) on the next day: the agenda is due, "today" is the working day ahead.
  const now = app.clock.now().getTime();
  const day = 24 * HOUR_MS;
  app.clock.advance(Math.floor(now / day) * day + day + HOUR_MS + 5 * 60_000 - now);
  const close = async () => {
    await connection.dropDatabase().catch(() => undefined);
    await connection.close();
    await server?.stop();
  };
  return { app, connection, demo, close };
}

/** `count` reps in the demo org's teams (copies of its first rep, each their own member), for the agenda's size. */
export async function seedReps(app: ComposedApp, orgId: string, count: number) {
  const reps = await app.models.Member.find({ orgId, roles: 'rep' }).lean();
  const more = Array.from({ length: Math.max(0, count - reps.length) }, (_, i) => {
    const like = reps[i % reps.length]!;
    return { ...like, _id: new Types.ObjectId(), name: `销售${i + 1}`, identities: [] };
  });
  if (more.length) await app.models.Member.collection.insertMany(more as never[]);
  return app.models.Member.find({ orgId, roles: 'rep' }).lean();
}

/** One stored, owned, `following` lead with a plan, as the follow-ups write it. */
export function plannedLeadDoc(
  orgId: string,
  rep: { _id: Types.ObjectId; teamId?: Types.ObjectId; name: string },
  i: number,
  at: {
    readonly nextContactAt?: Date;
    readonly lastFollowUpAt: Date;
    readonly dueAt?: Date;
    readonly stage?: string;
  },
) {
  return {
    _id: new Types.ObjectId(),
    orgId: new Types.ObjectId(orgId),
    code: `L-${100_000 + i}`,
    contact: { name: `客户${i}`, company: `公司${i % 997}`, phone: String(15_100_000_000 + i) },
    source: 'api',
    tags: [],
    score: 40,
    grade: 'normal',
    status: 'claimed',
    teamId: rep.teamId,
    ownerId: rep._id,
    ownerName: rep.name,
    assignedAt: at.lastFollowUpAt,
    claimedAt: at.lastFollowUpAt,
    followUpStatus: 'following',
    ...(at.stage ? { stage: { key: at.stage, since: at.lastFollowUpAt } } : {}),
    lastFollowUp: { id: `f${i}`, at: at.lastFollowUpAt, channel: 'phone', outcome: 'trial-booked', count: 1 },
    plan: {
      ...(at.nextContactAt ? { nextContactAt: at.nextContactAt } : {}),
      staleAt: new Date(at.lastFollowUpAt.getTime() + 7 * 24 * HOUR_MS),
      ...(at.dueAt ? { dueAt: at.dueAt } : {}),
    },
    history: [{ type: 'followed_up', at: at.lastFollowUpAt, ownerId: rep._id }],
    version: 2,
    createdAt: at.lastFollowUpAt,
    updatedAt: at.lastFollowUpAt,
  };
}

export const round = (n: number, d = 3) => Math.round(n * 10 ** d) / 10 ** d;

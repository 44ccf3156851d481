import { Types } from 'mongoose';
import type { ComposedApp } from '../../src/config/compose-app.js';
import { round } from './bench-stats.js';

// An org with months of sales activity, for the scenarios that read the report figures (`--reports`, the digest):
// assigned leads in every stage with their follow-up summary, stage history, reclaims, sources and campaigns, and
// the follow-up records the heat map counts. Written straight through the driver (insertMany, ordered: false, in
// big batches) before the two collections' indexes are built: an index per insert would make a million documents
// take hours on the dev server, whose unique checks scan the collection.

export type ReportSeedEnv = {
  readonly app: ComposedApp;
  /** The demo org (startDemo's result): its three teams and nine reps are kept, more are added beside them. */
  readonly demo: { readonly orgId: string };
};

export type ReportSeedOptions = {
  readonly leads: number;
  readonly followUps: number;
  /** Sales teams in the org (at least the demo's 3); reps are spread over them in turn. Default 3. */
  readonly teams?: number;
  /** Reps in the org (at least the demo's 9). Default 50. */
  readonly reps?: number;
  /** How far back the activity goes, ending at the app clock's now. Default 12. */
  readonly weeks?: number;
  /** Campaign costs set on every third of the ten campaigns (¥50,000 each). Default true. */
  readonly campaignCosts?: boolean;
  /** One line per ~10% of each collection (stderr in the bench). */
  readonly progress?: (line: string) => void;
};

export type SeededRep = {
  readonly _id: Types.ObjectId;
  readonly teamId?: Types.ObjectId;
  readonly name: string;
};

export type ReportSeed = {
  readonly orgId: string;
  readonly reps: readonly SeededRep[];
  readonly teamIds: readonly string[];
  /** The activity spans [start, end): end is the app clock's now at seeding. */
  readonly start: Date;
  readonly end: Date;
  readonly seconds: { readonly leads: number; readonly followUps: number; readonly indexes: number };
  readonly seedSeconds: number;
};

const H = 3_600_000;
const D = 24 * H;
/** Documents per insertMany: a few MB of BSON, well under the driver's 48 MB message (it splits beyond that). */
const BATCH = 10_000;
const SOURCES = ['web', 'api', 'phone', 'wechat', 'expo'];
const STAGES = ['lead', 'lead', 'intent', 'contact', 'quote', 'won', 'lost'];
const LOSS_REASONS = ['预算不足', '选择竞品', '联系不上'];

/**
 * Seeds `leads` assigned leads and `followUps` follow-up records over `weeks` weeks into the env's demo org, with
 * `reps` reps in `teams` teams, then builds every index of the leads and follow-ups. The leads are spread evenly
 * over the reps and the weeks (so every team has leads in any week); deterministic for given counts.
 */
export async function seedReportData(env: ReportSeedEnv, options: ReportSeedOptions): Promise<ReportSeed> {
  const { app } = env;
  const weeks = options.weeks ?? 12;
  const progress = options.progress ?? (() => {});
  const orgId = new Types.ObjectId(env.demo.orgId);
  const end = app.clock.now();
  const start = end.getTime() - weeks * 7 * D;
  const teamIds = await seedTeams(app, orgId, options.teams ?? 3);
  const reps = await seedReportReps(app, orgId, teamIds, options.reps ?? 50);
  progress(
    `seed: ${options.leads} leads and ${options.followUps} follow-ups, ${reps.length} reps in ${teamIds.length} teams`,
  );
  await dropIndexes(app);
  const t0 = performance.now();
  const span = weeks * 7 * 24;
  await insertAll(app.models.Lead.collection, options.leads, progress, 'leads', (i) =>
    leadDoc(orgId, reps[i % reps.length]!, i, start, span),
  );
  const t1 = performance.now();
  await insertAll(app.models.FollowUp.collection, options.followUps, progress, 'follow-ups', (i) =>
    followUpDoc(orgId, reps[(i * 31) % reps.length]!, i, start, weeks * 7 * D),
  );
  const t2 = performance.now();
  progress("seed: building the leads' and follow-ups' indexes");
  await app.models.Lead.createIndexes();
  await app.models.FollowUp.createIndexes();
  if (options.campaignCosts ?? true) await setCampaignCosts(app, env.demo.orgId);
  const t3 = performance.now();
  const seconds = {
    leads: round((t1 - t0) / 1000, 1),
    followUps: round((t2 - t1) / 1000, 1),
    indexes: round((t3 - t2) / 1000, 1),
  };
  progress(`seed: done in ${round((t3 - t0) / 1000, 1)} s (${JSON.stringify(seconds)})`);
  return {
    ...{ orgId: env.demo.orgId, reps, teamIds: teamIds.map(String), start: new Date(start), end },
    ...{ seconds, seedSeconds: round((t3 - t0) / 1000, 1) },
  };
}

/** The org's teams, more added (销售4组, …) up to `count`. */
async function seedTeams(app: ComposedApp, orgId: Types.ObjectId, count: number) {
  const teams = await app.models.Team.find({ orgId }).sort({ _id: 1 }).lean();
  const more = Array.from({ length: Math.max(0, count - teams.length) }, (_, i) => ({
    _id: new Types.ObjectId(),
    orgId,
    name: `销售${teams.length + i + 1}组`,
    channelId: `bench-sales-${teams.length + i + 1}`,
  }));
  if (more.length) await app.models.Team.collection.insertMany(more);
  return [...teams, ...more].map((t) => t._id);
}

/** The org's reps, more added (销售1, …, copies of its first rep, each their own member) up to `count`. */
async function seedReportReps(
  app: ComposedApp,
  orgId: Types.ObjectId,
  teamIds: readonly Types.ObjectId[],
  count: number,
) {
  const reps = await app.models.Member.find({ orgId, roles: 'rep' }).lean();
  const like = reps[0];
  if (!like) throw new Error('the org has no rep to copy');
  const more = Array.from({ length: Math.max(0, count - reps.length) }, (_, i) => ({
    ...like,
    _id: new Types.ObjectId(),
    name: `销售${i + 1}`,
    teamId: teamIds[i % teamIds.length],
    identities: [],
  }));
  if (more.length) await app.models.Member.collection.insertMany(more as never[]);
  return (await app.models.Member.find({ orgId, roles: 'rep' }).lean()) as SeededRep[];
}

/** Seed first, index once: every index but `_id` goes; `seedReportData` builds them again at the end. */
async function dropIndexes(app: ComposedApp) {
  for (const model of [app.models.Lead, app.models.FollowUp]) {
    await model.createCollection().catch(() => undefined); // already there: fine, its indexes go below
    await model.collection.dropIndexes();
  }
}

async function insertAll(
  collection: { insertMany(docs: never[], options: { ordered: false }): Promise<unknown> },
  count: number,
  progress: (line: string) => void,
  what: string,
  make: (i: number) => unknown,
) {
  const began = performance.now();
  const every = Math.max(BATCH, Math.ceil(count / 10 / BATCH) * BATCH);
  for (let from = 0; from < count; from += BATCH) {
    const docs = Array.from({ length: Math.min(BATCH, count - from) }, (_, k) => make(from + k));
    await collection.insertMany(docs as never[], { ordered: false });
    const done = from + docs.length;
    if (done % every === 0 || done === count)
      progress(`seed: ${done}/${count} ${what} (${round((performance.now() - began) / 1000, 1)} s)`);
  }
}

/** An id minted at `at`, as intake mints it (the channel figures select leads by their `_id` time). */
const idAt = (at: Date) =>
  new Types.ObjectId(
    Math.floor(at.getTime() / 1000)
      .toString(16)
      .padStart(8, '0') + new Types.ObjectId().toHexString().slice(8),
  );

/** One assigned lead, shaped as intake, the ladder, follow-ups and stage changes leave it. */
function leadDoc(orgId: Types.ObjectId, rep: SeededRep, i: number, start: number, spanHours: number) {
  const assignedAt = new Date(start + ((i * 7_919) % spanHours) * H + (i % 60) * 60_000);
  const stage = STAGES[i % STAGES.length] as string;
  const responded = i % 5 !== 0;
  const respondedAt = new Date(assignedAt.getTime() + ((i % 47) + 1) * H);
  return {
    ...{ _id: idAt(assignedAt), orgId, code: `L-${200_000 + i}`, contact: { name: `客户${i}` }, tags: [] },
    ...{ source: SOURCES[i % SOURCES.length], ...(i % 3 === 0 ? { campaign: `活动${i % 10}` } : {}) },
    ...{ score: 40, grade: 'normal', status: 'claimed' },
    ...{ teamId: rep.teamId, ownerId: rep._id, ownerName: rep.name },
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
      ? { loss: { reason: LOSS_REASONS[i % 3] } }
      : {};

/** A follow-up record (version 1) of a rep, somewhere in the span. */
const followUpDoc = (orgId: Types.ObjectId, rep: SeededRep, i: number, start: number, spanMs: number) => ({
  ...{
    orgId,
    recordId: new Types.ObjectId(),
    version: 1,
    leadId: new Types.ObjectId(),
    channel: 'phone',
    content: '',
  },
  ...{ authorId: rep._id, authorName: rep.name, at: new Date(start + ((i * 104_729) % spanMs)) },
});

async function setCampaignCosts(app: ComposedApp, orgId: string) {
  for (let c = 0; c < 10; c += 3)
    await app.repos.campaigns.setCost(orgId as never, {
      name: `活动${c}`,
      cost: 50_000,
      currency: 'CNY',
      updatedAt: new Date(),
    });
}

import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FigureQuery } from '../../src/core/reports/index.js';
import { memberId, orgId, teamId } from '../../src/core/shared/ids.js';
import { bindModels, ensureIndexes, type Models } from '../../src/storage/models.js';
import { mongoReportQueries } from '../../src/storage/repositories/report-figures.js';
import { openTestDatabase } from '../support/test-database.js';

// Hand-made leads and follow-ups where every figure is counted by hand in the comments; the pipelines run on the
// test database (the offline dev server, or a real MongoDB with MONGODB_URI).
const H = 3_600_000;
const D = 24 * H;
const from = new Date('2026-11-01T16:00:00Z'); // Monday 2026-11-02 00:00 in Shanghai
const to = new Date(from.getTime() + 7 * D);
const at = (ms: number) => new Date(from.getTime() + ms);
const oid = () => new Types.ObjectId();
const ORG = oid();
const [TEAM_A, TEAM_B] = [oid(), oid()];
const [R1, R2, R3] = [oid(), oid(), oid()];

const stageChange = (fromKey: string, toKey: string, satMs: number) => ({
  type: 'stage_changed',
  at: at(10 * H),
  stage: { from: fromKey, to: toKey, satMs },
});

/** An id minted at `createdAt`, as intake mints it (the channels' `_id` range relies on it). */
const idAt = (createdAt: Date) =>
  new Types.ObjectId(
    Math.floor(createdAt.getTime() / 1000)
      .toString(16)
      .padStart(8, '0') + oid().toHexString().slice(8),
  );

function lead(fields: Record<string, unknown>) {
  const createdAt = (fields.createdAt as Date | undefined) ?? at(30 * 60_000);
  return {
    _id: idAt(createdAt),
    orgId: ORG,
    contact: {},
    source: 'web',
    tags: [],
    score: 0,
    grade: 'normal',
    status: 'claimed',
    teamId: TEAM_A,
    history: [],
    version: 1,
    createdAt: at(30 * 60_000),
    updatedAt: at(D),
    ...fields,
  };
}

const LEADS = [
  // L1: r1, answered in 1 h, won 1000; lead → intent (1 d) → won (2 d); web / c1.
  lead({
    ...{ ownerId: R1, ownerName: '王一', assignedAt: at(H), reclaimAt: at(49 * H), respondedAt: at(2 * H) },
    ...{ followUpStatus: 'following', lastFollowUp: { at: at(2 * H), count: 2 }, campaign: 'c1' },
    stage: { key: 'won', deal: { amount: 1000 } },
    history: [stageChange('lead', 'intent', D), stageChange('intent', 'won', 2 * D)],
  }),
  // L2: r1, answered in 3 h, in intent after 3 d in lead; web.
  lead({
    ...{
      ownerId: R1,
      ownerName: '王一',
      assignedAt: at(3 * H),
      reclaimAt: at(51 * H),
      respondedAt: at(6 * H),
    },
    ...{ followUpStatus: 'following', lastFollowUp: { at: at(6 * H), count: 1 }, createdAt: at(2 * H) },
    stage: { key: 'intent' },
    history: [{ type: 'assigned', at: at(3 * H) }, stageChange('lead', 'intent', 3 * D)],
  }),
  // L3: r1, never followed up, deadline passed: unfollowed; lost (预算不足) after 1 d; phone / c1.
  lead({
    ...{ ownerId: R1, ownerName: '王一', assignedAt: at(4 * H), reclaimAt: at(52 * H), status: 'assigned' },
    ...{ followUpStatus: 'unfollowed', source: 'phone', campaign: 'c1', createdAt: at(3 * H) },
    stage: { key: 'lost', loss: { reason: '预算不足' } },
    history: [stageChange('lead', 'lost', D)],
  }),
  // L4: r2, followed up after the deadline (55 h): unfollowed, responded; created before the period.
  lead({
    ...{
      ownerId: R2,
      ownerName: '李二',
      assignedAt: at(5 * H),
      reclaimAt: at(53 * H),
      respondedAt: at(60 * H),
    },
    ...{ followUpStatus: 'following', lastFollowUp: { at: at(60 * H), count: 1 }, createdAt: at(-D) },
  }),
  // L5: r2, assigned before the period (not in the cohort); last followed up 10 days before `to`.
  lead({
    ...{
      ownerId: R2,
      assignedAt: at(-20 * D),
      lastFollowUp: { at: at(-3 * D), count: 4 },
      createdAt: at(-20 * D),
    },
  }),
  // L6: reclaimed from r2 by the ladder in the period, now in team A's pool; web, never followed.
  lead({
    ...{ status: 'pooled', createdAt: at(H), lastReclaim: { at: at(50 * H), fromOwnerId: R2, stale: false } },
  }),
  // L7: team B's, r3; c1 (counts in c1's all-time totals, not in team A's figures).
  lead({
    ...{ teamId: TEAM_B, ownerId: R3, assignedAt: at(H), reclaimAt: at(49 * H), campaign: 'c1' },
    ...{ followUpStatus: 'unfollowed', lastReclaim: { at: at(50 * H), fromOwnerId: R3, stale: true } },
  }),
  // L8: a duplicate created in the period: not a channel's lead.
  lead({ status: 'duplicate', createdAt: at(4 * H) }),
  // L9: team A, claimed, never followed up, assigned long ago.
  lead({ ownerId: R1, assignedAt: at(-30 * D), createdAt: at(-30 * D) }),
];

const followUp = (author: Types.ObjectId, when: Date, version = 1) => ({
  ...{ orgId: ORG, recordId: oid(), version, leadId: oid(), channel: 'phone', content: '' },
  ...{ authorId: author, authorName: 'x', at: when },
});
const FOLLOW_UPS = [
  followUp(R1, new Date('2026-11-02T02:00:00Z')), // Monday 10:00 Shanghai
  followUp(R1, new Date('2026-11-02T02:00:00Z'), 2), // a correction: not counted again
  followUp(R2, new Date('2026-11-04T15:30:00Z')), // Wednesday 23:30 Shanghai
  followUp(R2, at(-H)), // before the period
  followUp(R3, new Date('2026-11-02T02:00:00Z')), // team B's author
];

let db: Awaited<ReturnType<typeof openTestDatabase>>;
let models: Models;
const q: FigureQuery = {
  ...{ from, to, asOf: to, teamIds: [teamId(TEAM_A.toHexString())] },
  ...{ wonKeys: ['won'], lostKeys: ['lost'] },
};
const org = orgId(ORG.toHexString());
const id = (o: Types.ObjectId) => memberId(o.toHexString());

beforeAll(async () => {
  db = await openTestDatabase();
  models = bindModels(db.connection);
  await ensureIndexes(models);
  await models.Lead.collection.insertMany(LEADS);
  await models.FollowUp.collection.insertMany(FOLLOW_UPS);
});
afterAll(() => db.close());

describe('report figures (aggregations on the test database)', () => {
  it('counts the cohort per rep and in total: unfollowed, response ranks, follow-ups, wins', async () => {
    const cohort = await mongoReportQueries(models).cohort(org, q);
    const byId = new Map(cohort.reps.map((r) => [r.memberId, r]));
    expect(byId.get(id(R1))).toEqual({
      ...{ memberId: id(R1), name: '王一', assigned: 3, unfollowed: 1, responded: 2, followUps: 3 },
      ...{ won: 1, wonAmount: 1000, responseMedianMs: H, responseP90Ms: 3 * H },
    });
    expect(byId.get(id(R2))).toMatchObject({
      assigned: 1,
      unfollowed: 1,
      responded: 1,
      responseMedianMs: 55 * H,
    });
    expect(cohort.reps).toHaveLength(2);
    // Response times 1 h, 3 h, 55 h: the median is rank 2, the 90th percentile rank 3.
    expect(cohort.total).toEqual({
      ...{ assigned: 4, unfollowed: 2, responded: 3, followUps: 4, won: 1, wonAmount: 1000 },
      ...{ responseMedianMs: 3 * H, responseP90Ms: 55 * H },
    });
  });

  it('draws the funnel: leads per stage now, stages reached, the median completed stay, loss reasons', async () => {
    const cohort = await mongoReportQueries(models).cohort(org, q);
    expect(cohort.stageLeads).toEqual({ won: 1, intent: 1, lost: 1, lead: 1 });
    expect(cohort.stageReached).toEqual({ lead: 4, intent: 2, won: 1, lost: 1 });
    // Stays in `lead`: 1 d, 3 d, 1 d → the median is 1 d; in `intent`: 2 d.
    expect(cohort.stageMedianMs).toEqual({ lead: D, intent: 2 * D });
    expect(cohort.lossReasons).toEqual([{ reason: '预算不足', leads: 1 }]);
  });

  it('narrows the cohort to one owner (a rep’s own funnel)', async () => {
    const cohort = await mongoReportQueries(models).cohort(org, { ...q, ownerId: id(R2) });
    expect(cohort.total).toMatchObject({ assigned: 1, unfollowed: 1 });
    expect(cohort.stageLeads).toEqual({ lead: 1 });
  });

  it('counts reclaims per member reclaimed from, the ladder’s apart from the contact plan’s', async () => {
    const reports = mongoReportQueries(models);
    expect(await reports.reclaims(org, q)).toEqual([{ memberId: id(R2), reclaims: 1, missed: 1 }]);
    expect(await reports.reclaims(org, { ...q, teamIds: [teamId(TEAM_B.toHexString())] })).toEqual([
      { memberId: id(R3), reclaims: 1, missed: 0 },
    ]);
  });

  it('counts channels over the leads created in the period, and a campaign’s all-time totals', async () => {
    const reports = mongoReportQueries(models);
    const rows = await reports.channels(org, q);
    expect(rows).toEqual([
      { kind: 'source', name: 'web', leads: 3, followed: 2, won: 1, wonAmount: 1000 },
      { kind: 'source', name: 'phone', leads: 1, followed: 0, won: 0, wonAmount: 0 },
      { kind: 'campaign', name: 'c1', leads: 2, followed: 1, won: 1, wonAmount: 0 + 1000 },
    ]);
    expect(await reports.campaignTotals(org, ['c1', 'none'], ['won'])).toEqual([
      { name: 'c1', leads: 3, won: 1 },
    ]);
  });

  it('puts follow-ups on the local weekday × hour grid, once per record, by the scope’s authors', async () => {
    const hours = await mongoReportQueries(models).followUpHours(org, {
      ...{ from, to, offsetMs: 8 * H },
      authorIds: [id(R1), id(R2)],
    });
    expect(hours.sort((a, b) => a.weekday - b.weekday)).toEqual([
      { weekday: 0, hour: 10, followUps: 1 },
      { weekday: 2, hour: 23, followUps: 1 },
    ]);
  });

  it('buckets open owned leads by days since their latest follow-up', async () => {
    // L2: 6 d; L4: 4.5 d; L5: 10 d; L9: never. Won L1 and lost L3 are not open; L6 is pooled.
    expect(await mongoReportQueries(models).recency(org, q)).toEqual({
      '0-3': 0,
      '4-7': 2,
      '8-14': 1,
      '15-30': 0,
      '30+': 0,
      never: 1,
    });
  });
});

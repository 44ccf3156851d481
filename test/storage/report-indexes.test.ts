import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { declaredIndexes, indexUses, recordQueries } from '../../scripts/bench/run-reports-indexes.js';
import type { FigureQuery } from '../../src/core/reports/index.js';
import { memberId, orgId, teamId } from '../../src/core/shared/ids.js';
import { bindModels, ensureIndexes, type Models } from '../../src/storage/models.js';
import { mongoReportQueries } from '../../src/storage/repositories/report-figures.js';
import { openTestDatabase } from '../support/test-database.js';

// Every report aggregation, as the driver sends it, leads with a filter a declared index serves (the org and at
// least one more key: a time range, the teams, the status), and counts in the database ($group) rather than
// returning documents to count. The dev server has no `explain`; this reads the sent commands against the models'
// index lists (scripts/bench/run-reports-indexes.ts), and `npm run bench -- --reports` asks MongoDB's explain too.

const ORG = new Types.ObjectId();
const from = new Date('2026-11-01T16:00:00Z');
const to = new Date('2026-11-08T16:00:00Z');
const base = { from, to, asOf: to, wonKeys: ['won'], lostKeys: ['lost'] };
const scopes: Record<string, FigureQuery> = {
  org: base,
  team: { ...base, teamIds: [teamId(new Types.ObjectId().toHexString())] },
  rep: { ...base, ownerId: memberId(new Types.ObjectId().toHexString()) },
};

let db: Awaited<ReturnType<typeof openTestDatabase>>;
let models: Models;
beforeAll(async () => {
  db = await openTestDatabase({ monitorCommands: true });
  models = bindModels(db.connection);
  await ensureIndexes(models);
});
afterAll(() => db.close());

/** Every pipeline stage, those inside a $facet too. */
const stagesOf = (pipeline: readonly Record<string, unknown>[]): string[] =>
  pipeline.flatMap((stage) => [
    ...Object.keys(stage),
    ...Object.values((stage.$facet as Record<string, Record<string, unknown>[]>) ?? {}).flatMap(stagesOf),
  ]);

describe('the report aggregations', () => {
  for (const [scope, q] of Object.entries(scopes)) {
    it(`each lead with an indexed filter and count with $group (${scope})`, async () => {
      const queries = mongoReportQueries(models);
      const org = orgId(ORG.toHexString());
      const recorder = recordQueries(db.connection);
      await queries.cohort(org, q);
      await queries.reclaims(org, q);
      await queries.channels(org, q);
      await queries.campaignTotals(org, ['c1'], ['won']);
      await queries.followUpHours(org, {
        from,
        to,
        offsetMs: 8 * 3_600_000,
        ...(q.teamIds ? { authorIds: [memberId(new Types.ObjectId().toHexString())] } : {}),
      });
      await queries.recency(org, q);
      const sent = recorder.take();
      recorder.stop();
      expect(sent.map((c) => c.collection)).toEqual([
        'leads',
        'leads',
        'leads',
        'leads',
        'follow_ups',
        'leads',
      ]);
      for (const use of indexUses(sent, declaredIndexes(models as never))) {
        expect(use.index, `${use.collection} by ${use.filterKeys.join(', ')}`).not.toBeNull();
        expect(
          use.keysUsed,
          `${use.collection} by ${use.filterKeys.join(', ')}: ${use.index}`,
        ).toBeGreaterThanOrEqual(2);
      }
      for (const command of sent) expect(stagesOf(command.pipeline ?? [])).toContain('$group');
    });
  }

  it('a team heat map reads its authors through their own index, not the whole org', async () => {
    const recorder = recordQueries(db.connection);
    const authorIds = [memberId(new Types.ObjectId().toHexString())];
    await mongoReportQueries(models).followUpHours(orgId(ORG.toHexString()), {
      from,
      to,
      offsetMs: 0,
      authorIds,
    });
    const [use] = indexUses(recorder.take(), declaredIndexes(models as never));
    recorder.stop();
    expect(use).toMatchObject({ index: 'follow_up_report_author', keysUsed: 4 });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../support/test-database.js';

// The dev server answers an aggregation over a big collection (over 10,000 documents) that starts with `$match` by
// a find of the matching documents (scripts/devdb/commands.py): the answers must be mongomock's own. Skipped-in-
// effect on a real MongoDB (MONGODB_URI), where it checks MongoDB itself.

const N = 10_050;
let db: Awaited<ReturnType<typeof openTestDatabase>>;
beforeAll(async () => {
  db = await openTestDatabase();
  const docs = Array.from({ length: N }, (_, i) => ({
    i,
    group: `g${i % 3}`,
    at: new Date(Date.UTC(2026, 10, 1) + i * 60_000),
    ...(i % 2 ? { tag: 'odd' } : {}),
  }));
  await db.connection.collection('items').insertMany(docs);
}, 120_000);
afterAll(() => db.close());

describe('the dev server on a big collection', () => {
  it('matches, groups and facets as mongomock does, dates and missing fields included', async () => {
    const items = db.connection.collection('items');
    const from = new Date(Date.UTC(2026, 10, 1) + 100 * 60_000);
    const grouped = await items
      .aggregate([
        { $match: { at: { $gte: from }, group: { $in: ['g0', 'g1'] }, tag: { $exists: false } } },
        { $group: { _id: '$group', n: { $sum: 1 }, first: { $min: '$i' } } },
        { $sort: { _id: 1 } },
      ])
      .toArray();
    // i ≥ 100, even (no tag), i % 3 in {0, 1}: even i from 100 to 10,048 is 4,975 numbers, a third of them each.
    const expected = (r: number) => {
      const mine = Array.from({ length: N }, (_, i) => i).filter(
        (i) => i >= 100 && i % 2 === 0 && i % 3 === r,
      );
      return { n: mine.length, first: mine[0] };
    };
    expect(grouped).toEqual([
      { _id: 'g0', ...expected(0) },
      { _id: 'g1', ...expected(1) },
    ]);
    const [facets] = await items
      .aggregate([
        { $match: { tag: 'odd' } },
        {
          $facet: {
            total: [{ $count: 'n' }],
            top: [{ $sort: { i: -1 } }, { $limit: 1 }, { $project: { _id: 0, i: 1 } }],
          },
        },
      ])
      .toArray();
    expect(facets).toEqual({ total: [{ n: N / 2 }], top: [{ i: N - 1 }] });
  });
});

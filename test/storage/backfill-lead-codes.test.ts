import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backfillLeadCodes } from '../../src/storage/backfill-lead-codes.js';
import { bindModels, ensureIndexes, type Models } from '../../src/storage/models.js';
import { openTestDatabase } from '../support/test-database.js';

// Leads stored before short codes existed get one at start-up, each org numbered from its own counter.

describe('backfillLeadCodes', () => {
  let models: Models;
  let close: () => Promise<void>;
  beforeAll(async () => {
    const db = await openTestDatabase();
    models = bindModels(db.connection);
    close = db.close;
    await ensureIndexes(models);
  });
  afterAll(() => close());

  it('codes every lead without one, oldest first per org, and leaves coded leads alone', async () => {
    const [a, b] = [new Types.ObjectId(), new Types.ObjectId()];
    const docs = [a, b, a].map((orgId) => ({ _id: new Types.ObjectId(), orgId, source: 'api', version: 1 }));
    await models.Lead.collection.insertMany([...docs, { _id: new Types.ObjectId(), orgId: a, code: 'L-5' }]);
    expect(await backfillLeadCodes(models)).toBe(3);
    const codes = await models.Lead.collection.find({}, { sort: { _id: 1 } }).toArray();
    expect(codes.map((d) => d.code)).toEqual(['L-1001', 'L-1001', 'L-1002', 'L-5']);
    expect(await backfillLeadCodes(models)).toBe(0);
  });

  it('skips the search on later starts once a backfill found nothing left', async () => {
    // A lead without a code can no longer appear (every insert gives one); this one stands for a search that ran.
    await models.Lead.collection.insertOne({ orgId: new Types.ObjectId(), source: 'api' });
    expect(await backfillLeadCodes(models)).toBe(0);
    expect(await models.Lead.collection.countDocuments({ code: { $exists: false } })).toBe(1);
  });
});

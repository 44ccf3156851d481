import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memberId, orgId } from '../../src/core/shared/ids.js';
import { backfillOpenAssignees } from '../../src/storage/backfill-open-assignees.js';
import { bindModels, ensureIndexes, type Models } from '../../src/storage/models.js';
import { mongoTaskRepository } from '../../src/storage/repositories/task-repository.js';
import { openTestDatabase } from '../support/test-database.js';

// Open tasks stored before `openAssigneeId` existed get it at start-up, so the centre's open counts see them.

describe('backfillOpenAssignees', () => {
  let models: Models;
  let close: () => Promise<void>;
  beforeAll(async () => {
    const db = await openTestDatabase();
    models = bindModels(db.connection);
    close = db.close;
    await ensureIndexes(models);
  });
  afterAll(() => close());

  it('gives it to the open tasks only, once, and the open counts then count them', async () => {
    const org = new Types.ObjectId();
    const staff = new Types.ObjectId();
    await models.Member.collection.insertOne({
      _id: staff,
      orgId: org,
      name: '许亮',
      roles: ['aftersales'],
      active: true,
    });
    let n = 0;
    const task = (status: string) => {
      n++;
      return {
        orgId: org,
        complaintId: new Types.ObjectId(),
        round: 1,
        code: `T-${n}`,
        assigneeId: staff,
        status,
      };
    };
    await models.Task.collection.insertMany([task('open'), task('paused'), task('approved')]);
    const tasks = mongoTaskRepository(models);
    expect((await tasks.staffLoads(orgId(org.toHexString())))[0]?.openTasks).toBe(0);
    expect(await backfillOpenAssignees(models)).toBe(2);
    expect(await tasks.staffLoads(orgId(org.toHexString()))).toEqual([
      { memberId: memberId(staff.toHexString()), name: '许亮', roles: ['aftersales'], openTasks: 2 },
    ]);
    expect(
      await models.Task.collection.countDocuments({ status: 'approved', openAssigneeId: { $exists: true } }),
    ).toBe(0);
    // Done: a later start reads nothing.
    await models.Task.collection.insertOne(task('open'));
    expect(await backfillOpenAssignees(models)).toBe(0);
  });
});

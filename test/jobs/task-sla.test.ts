import { Types } from 'mongoose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TaskRepository } from '../../src/core/after-sales/ports.js';
import { runTaskSla, type TaskSlaDeps } from '../../src/core/after-sales/run-task-sla.js';
import { afterSalesJobs } from '../../src/jobs/after-sales-jobs.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// The SLA job against the real database: crashes midway and concurrent runners must not lose or double a step.
let t: TestApp;
let staffId: string;
const CUSTOMER = new Types.ObjectId();
const HOUR = 3_600_000;
const auth = { authorization: '' };

beforeAll(async () => {
  t = await startTestApp();
  auth.authorization = `Bearer ${t.token}`;
  const members = (await t.request('GET', '/sandbox/api/members')).body as { id: string; roles: string[] }[];
  staffId = members.find((m) => m.roles.length === 1 && m.roles[0] === 'aftersales')!.id;
  const db = t.app.models.Lead.db;
  const orgId = new Types.ObjectId(t.orgId);
  await db.collection('customers').insertOne({
    _id: CUSTOMER,
    orgId,
    leadId: new Types.ObjectId(),
    name: '上海云启',
    contacts: [],
    createdAt: new Date(),
  });
  await db.collection('orders').insertOne({
    orgId,
    number: 'SO-1001',
    customerId: CUSTOMER,
    amount: 1,
    contractNo: 'HT-1',
    signedAt: new Date(),
    createdAt: new Date(),
  });
});
afterAll(() => t.close());
beforeEach(async () => {
  await t.app.models.Task.deleteMany({});
  await t.app.models.Complaint.deleteMany({});
  await t.app.models.OutboxEntry.deleteMany({ kind: 'after_sales.task' });
});

const deps = (tasks?: TaskRepository): TaskSlaDeps => ({
  ...t.app.afterSalesDeps,
  ...(tasks ? { tasks } : {}),
  orgs: t.app.repos.orgs,
});

async function assignTasks(n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    const raised = await t.request(
      'POST',
      '/api/v1/complaints',
      {
        customerId: CUSTOMER.toHexString(),
        orderNumber: 'SO-1001',
        priority: 'urgent',
        category: '故障',
        description: `第${i}台`,
      },
      auth,
    );
    const assigned = await t.request(
      'POST',
      `/api/v1/complaints/${raised.body.complaint.id}:assign`,
      { assigneeId: staffId },
      auth,
    );
    expect(assigned.status).toBe(200);
  }
  // The assignment cards delivered before the sweep: one still queued (paced in the assignee's DM) would take the
  // reminder's redraw in place and count as a reminder, so the counts below would depend on the machine's speed.
  await t.app.outboxPump.idle();
}

// The reminders: each is a message to the assignee, one per task, counted by its key (a copy of the assignment's
// card still queued is redrawn with the newer moment, so counting by the data's moment would count it too).
const cards = (moment: string) =>
  t.app.models.OutboxEntry.countDocuments({
    kind: 'after_sales.task',
    mode: 'post',
    idempotencyKey: { $regex: `:${moment}:` },
  });

describe('runTaskSla', () => {
  it('handles only what is due, each step once', async () => {
    await assignTasks(3);
    expect(await runTaskSla(deps())).toBe(0);
    t.app.clock.advance(3 * HOUR + 1);
    expect(await runTaskSla(deps())).toBe(3);
    expect(await runTaskSla(deps())).toBe(0);
    expect(await cards('remind')).toBe(3);
    t.app.clock.advance(HOUR);
    expect(await runTaskSla(deps())).toBe(3);
    expect(await t.app.models.Task.countDocuments({ slaDueAt: { $exists: true } })).toBe(0);
  });

  it('finishes a run that crashed midway, with every step taken and told exactly once', async () => {
    await assignTasks(4);
    t.app.clock.advance(5 * HOUR);
    let writes = 0;
    const crashing: TaskRepository = {
      ...t.app.repos.tasks,
      async updateIf(...args) {
        if (++writes > 5) throw new Error('process killed');
        return t.app.repos.tasks.updateIf(...args);
      },
    };
    await expect(runTaskSla(deps(crashing))).rejects.toThrow('process killed');
    expect(await t.app.models.Task.countDocuments({ dueNotifiedAt: { $exists: true } })).toBeLessThan(4);
    await runTaskSla(deps());
    expect(
      await t.app.models.Task.countDocuments({
        remindedAt: { $exists: true },
        dueNotifiedAt: { $exists: true },
      }),
    ).toBe(4);
    // No card lost to the crash, none doubled by the re-run.
    expect(await cards('remind')).toBe(4);
    // The task cards at assignment, the 75 % reminders (the card redrawn in place), the due-time notice to the
    // demo's after-sales manager (高峰) and the assignee's card redrawn 已到期: each once, none lost to the crash nor
    // doubled by the re-run.
    expect(await t.app.models.OutboxEntry.countDocuments({ kind: 'after_sales.task' })).toBe(4 + 4 + 4 + 4);
  });

  it('takes each step once when two runners sweep at once', async () => {
    await assignTasks(4);
    t.app.clock.advance(3 * HOUR + 1);
    const [a, b] = await Promise.all([runTaskSla(deps()), runTaskSla(deps())]);
    expect(a + b).toBe(4);
    expect(await cards('remind')).toBe(4);
  });

  it('is listed as a job that runs the sweep', async () => {
    await assignTasks(1);
    t.app.clock.advance(3 * HOUR + 1);
    const [job] = afterSalesJobs(deps());
    await job!.run();
    expect(await cards('remind')).toBe(1);
  });
});

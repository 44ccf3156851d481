import { describe, expect, it } from 'vitest';
import {
  assignComplaint,
  completeAssignments,
  decideHours,
  getAfterSalesFigures,
  pauseTask,
  raiseComplaint,
  reportHours,
  resumeTask,
  runTaskSla,
  startTask,
  TASK_PENDING_GRACE_MS,
} from '../../../src/core/after-sales/index.js';
import { DEFAULT_ORG_SETTINGS } from '../../../src/core/org/types.js';
import { FakeOrgRepository, makeOrg } from '../fakes.js';
import { afterSalesWorld, CUSTOMER, HOUR, T0 } from './after-sales-world.js';

async function assigned(w: ReturnType<typeof afterSalesWorld>, priority = 'urgent') {
  const { complaint } = await raiseComplaint(w.deps, w.rep, {
    customerId: CUSTOMER,
    orderNumber: 'SO-1001',
    priority: priority as 'urgent',
    category: '设备故障',
    description: '设备无法开机',
  });
  return assignComplaint(w.deps, w.manager, { complaint: complaint.id, assigneeId: w.ids.staff });
}

const slaDeps = (w: ReturnType<typeof afterSalesWorld>) => ({
  ...w.deps,
  orgs: new FakeOrgRepository([w.org]),
});
const moments = (w: ReturnType<typeof afterSalesWorld>) =>
  w.notifier
    .notices()
    .filter((n) => n.kind === 'after_sales.task')
    .map(
      (n) =>
        `${n.mode}:${(n.data as { moment?: string }).moment}:${n.to.kind === 'member' ? n.to.memberId : ''}`,
    );

describe('the task SLA', () => {
  it('reminds the assignee at 75 % and tells the manager at the due time, each once', async () => {
    const w = afterSalesWorld();
    await assigned(w);
    w.clock.advance(2 * HOUR);
    expect(await runTaskSla(slaDeps(w))).toBe(0);
    w.clock.advance(HOUR);
    expect(await runTaskSla(slaDeps(w))).toBe(1);
    expect(await runTaskSla(slaDeps(w))).toBe(0);
    w.clock.advance(HOUR);
    expect(await runTaskSla(slaDeps(w))).toBe(1);
    // The reminder is a message to the assignee (a redraw would notify nobody); the due time tells the manager and
    // redraws the card.
    expect(moments(w).filter((m) => !m.startsWith('post:assigned'))).toEqual([
      `post:remind:${w.ids.staff}`,
      `post:due:${w.ids.manager}`,
      `update:due:${w.ids.staff}`,
    ]);
    expect(w.tasks.all()[0]?.slaDueAt).toBeUndefined();
  });

  it('takes both steps in one run when the clock jumped past both', async () => {
    const w = afterSalesWorld();
    await assigned(w);
    w.clock.advance(10 * HOUR);
    expect(await runTaskSla(slaDeps(w))).toBe(2);
  });

  it('sends each step once when two runners sweep at once', async () => {
    const w = afterSalesWorld();
    await assigned(w);
    w.clock.advance(3 * HOUR);
    const [a, b] = await Promise.all([runTaskSla(slaDeps(w)), runTaskSla(slaDeps(w))]);
    expect(a + b).toBe(1);
    // Both may publish; the outbox keeps one entry per idempotency key, and both used the same one.
    const reminders = w.notifier.notices().filter((n) => (n.data as { moment?: string }).moment === 'remind');
    expect(new Set(reminders.map((n) => n.idempotencyKey)).size).toBe(1);
    expect(w.tasks.all()[0]).toMatchObject({ slaStep: 'due', version: 2 });
  });

  it('stops the clock while paused: no reminder, and the due time moves on by the pause', async () => {
    const w = afterSalesWorld();
    await assigned(w);
    await startTask(w.deps, w.staff, { task: 'T-1001' });
    w.clock.advance(HOUR);
    await pauseTask(w.deps, w.staff, { task: 'T-1001', reason: 'parts' });
    w.clock.advance(5 * HOUR);
    expect(await runTaskSla(slaDeps(w))).toBe(0);
    const resumed = await resumeTask(w.deps, w.staff, { task: 'T-1001' });
    expect(resumed).toMatchObject({
      status: 'in_progress',
      pausedMs: 5 * HOUR,
      dueAt: new Date(T0.getTime() + 9 * HOUR),
      slaDueAt: new Date(T0.getTime() + 8 * HOUR),
    });
    expect(resumed.pauses).toEqual([
      { at: new Date(T0.getTime() + HOUR), until: w.clock.now(), reason: 'parts' },
    ]);
    // Finished 8.5 h after assignment, 5 of them paused: within its 4 h.
    w.clock.advance(2.5 * HOUR);
    await reportHours(w.deps, w.staff, {
      task: 'T-1001',
      completedAt: w.clock.now(),
      hours: 3,
      result: '换件',
    });
    const done = await decideHours(w.deps, w.manager, { task: 'T-1001', decision: 'approve' });
    expect(done.overdue).toBe(false);
  });

  it('counts the due time in business hours when the org sets them', async () => {
    const org = makeOrg({
      settings: {
        ...DEFAULT_ORG_SETTINGS,
        businessHours: { days: [1, 2, 3, 4, 5], start: '09:00', end: '18:00' },
        afterSales: { slaHours: { urgent: 6 } },
      },
    });
    const w = afterSalesWorld(org);
    // Monday 2026-03-02 10:00 in Shanghai (02:00Z): 6 working hours end at 16:00 the same day.
    const { task } = await assigned(w);
    expect(task.dueAt).toEqual(new Date('2026-03-02T08:00:00Z'));
    expect(task.remindAt).toEqual(new Date('2026-03-02T06:30:00Z'));
  });

  it('completes by the sweep an assignment whose task a crash left unwritten', async () => {
    const w = afterSalesWorld();
    const { complaint } = await raiseComplaint(w.deps, w.rep, {
      customerId: CUSTOMER,
      orderNumber: 'SO-1001',
      category: '设备故障',
      description: '设备无法开机',
    });
    w.tasks.crashNextInsert = true;
    await expect(
      assignComplaint(w.deps, w.manager, { complaint: complaint.id, assigneeId: w.ids.staff }),
    ).rejects.toThrow('crash');
    expect(await completeAssignments(slaDeps(w), w.clock.now())).toBe(0);
    w.clock.advance(TASK_PENDING_GRACE_MS);
    expect(await completeAssignments(slaDeps(w), w.clock.now())).toBe(1);
    expect(w.tasks.all().map((t) => [t.code, t.managerIds])).toEqual([['T-1001', [w.ids.manager]]]);
    expect(w.complaints.all()[0]?.taskPendingAt).toBeUndefined();
    expect(await completeAssignments(slaDeps(w), w.clock.now())).toBe(0);
  });
});

describe('the figures', () => {
  it('gives per staff member reported vs approved hours and the overdue rate, per customer the time to resolve', async () => {
    const w = afterSalesWorld();
    await assigned(w);
    w.clock.advance(5 * HOUR);
    await reportHours(w.deps, w.staff, {
      task: 'T-1001',
      completedAt: w.clock.now(),
      hours: 3.5,
      result: '换件',
    });
    await decideHours(w.deps, w.manager, { task: 'T-1001', decision: 'adjust', hours: 3 });
    const figures = await getAfterSalesFigures({ figures: w.figures }, w.manager, {
      from: '2026-03-01T00:00:00Z',
      to: '2026-04-01T00:00:00Z',
    });
    expect(figures.staff).toEqual([
      {
        assigneeId: w.ids.staff,
        assigneeName: '许亮',
        tasks: 1,
        reportedHours: 3.5,
        approvedHours: 3,
        overdue: 1,
        overdueRate: 1,
      },
    ]);
    expect(figures.customers).toEqual([
      { customerId: CUSTOMER, customerName: '上海云启', complaints: 1, resolved: 1, meanHoursToResolve: 5 },
    ]);
    await expect(
      getAfterSalesFigures({ figures: w.figures }, w.staff, { from: '2026-03-01', to: '2026-04-01' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

import { describe, expect, it } from 'vitest';
import {
  assignComplaint,
  changeComplaintStatus,
  decideHours,
  listAssignees,
  listComplaints,
  listTasks,
  raiseComplaint,
  reportHours,
  startTask,
} from '../../../src/core/after-sales/index.js';
import { DomainError } from '../../../src/core/shared/errors.js';
import { afterSalesWorld, CUSTOMER, HOUR, OTHER_CUSTOMER, T0 } from './after-sales-world.js';

const raise = (w: ReturnType<typeof afterSalesWorld>, extra: Record<string, unknown> = {}) =>
  raiseComplaint(w.deps, w.rep, {
    customerId: CUSTOMER,
    orderNumber: 'SO-1001',
    priority: 'urgent',
    category: '设备故障',
    description: '设备无法开机，客户很着急',
    ...extra,
  });

async function refusal(p: Promise<unknown>): Promise<DomainError> {
  const error = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(error)}`);
  return error;
}

describe('complaints and their assignment', () => {
  it('refuses another customer’s order with the customer’s own orders to choose from', async () => {
    const w = afterSalesWorld();
    const error = await refusal(raise(w, { orderNumber: 'SO-1003' }));
    expect(error.code).toBe('COMPLAINT_ORDER_NOT_OF_CUSTOMER');
    expect(error.details.choices).toEqual([
      { number: 'SO-1001', items: '服务器 2 台', signedAt: '2026-01-15T00:00:00.000Z' },
      { number: 'SO-1002', items: '交换机', signedAt: '2026-01-15T00:00:00.000Z' },
    ]);
    expect((await refusal(raise(w, { orderNumber: 'SO-9999' }))).code).toBe(
      'COMPLAINT_ORDER_NOT_OF_CUSTOMER',
    );
    const unknown = await refusal(raise(w, { customerId: '00000000000000000000ffff' }));
    expect(unknown.code).toBe('COMPLAINT_CUSTOMER_UNKNOWN');
    expect(w.complaints.all()).toEqual([]);
  });

  it('raises a complaint on the customer’s own order, as typed, 待分配, with its order and contract', async () => {
    const w = afterSalesWorld();
    const { complaint } = await raise(w);
    expect(complaint).toMatchObject({
      code: 'TS-1001',
      status: 'unassigned',
      customerName: '上海云启',
      customerOwnerId: w.ids.rep,
      description: '设备无法开机，客户很着急',
      order: { number: 'SO-1001', contractNo: 'HT1001' },
      reporter: { kind: 'member', memberId: w.ids.rep },
    });
    expect(complaint.history).toEqual([
      { at: T0, to: 'unassigned', by: { memberId: w.ids.rep, name: '王芳' } },
    ]);
    expect((await raise(w, { customerId: OTHER_CUSTOMER, orderNumber: 'SO-1003' })).complaint.code).toBe(
      'TS-1002',
    );
  });

  it('returns the first complaint to a retry with the same request key', async () => {
    const w = afterSalesWorld();
    const first = await raise(w, { requestKey: 'evt-1' });
    const again = await raise(w, { requestKey: 'evt-1' });
    expect(again).toEqual({ complaint: first.complaint, created: false });
    expect(w.complaints.all()).toHaveLength(1);
  });

  it('assigns once when two managers click at once; the other is told who assigned it', async () => {
    const w = afterSalesWorld();
    const { complaint } = await raise(w);
    const results = await Promise.allSettled([
      assignComplaint(w.deps, w.manager, { complaint: complaint.id, assigneeId: w.ids.staff }),
      assignComplaint(w.deps, w.manager2, { complaint: complaint.id, assigneeId: w.ids.staff2 }),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r) => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect((lost[0] as PromiseRejectedResult).reason).toMatchObject({
      code: 'COMPLAINT_ALREADY_ASSIGNED',
      details: { assignedByName: expect.stringMatching(/高峰|韩梅/) },
    });
    expect(w.tasks.all()).toHaveLength(1);
    expect(w.complaints.all()[0]).toMatchObject({ status: 'assigned', round: 1 });
  });

  it('creates the task with the due time of its priority and tells the assignee', async () => {
    const w = afterSalesWorld();
    const { complaint } = await raise(w);
    const { task } = await assignComplaint(w.deps, w.manager, {
      complaint: 'ts-1001',
      assigneeId: w.ids.staff,
    });
    expect(task).toMatchObject({
      code: 'T-1001',
      status: 'open',
      assigneeName: '许亮',
      managerIds: [w.ids.manager],
      dueAt: new Date(T0.getTime() + 4 * HOUR),
      remindAt: new Date(T0.getTime() + 3 * HOUR),
      slaStep: 'remind',
      slaDueAt: new Date(T0.getTime() + 3 * HOUR),
    });
    expect(complaint.status).toBe('unassigned');
    const toStaff = w.notifier
      .notices()
      .filter((n) => n.to.kind === 'member' && n.to.memberId === w.ids.staff);
    expect(toStaff.map((n) => n.kind)).toEqual(['after_sales.task']);
  });

  it('refuses assignment to someone not in after-sales, and by anyone but an after-sales manager', async () => {
    const w = afterSalesWorld();
    const { complaint } = await raise(w);
    const toRep = assignComplaint(w.deps, w.manager, { complaint: complaint.id, assigneeId: w.ids.rep });
    expect((await refusal(toRep)).code).toBe('ASSIGNEE_NOT_AFTER_SALES');
    const byStaff = assignComplaint(w.deps, w.staff, { complaint: complaint.id, assigneeId: w.ids.staff });
    expect((await refusal(byStaff)).code).toBe('COMPLAINT_ASSIGN_NOT_MANAGER');
    expect((await refusal(listAssignees(w.deps, w.rep))).code).toBe('FORBIDDEN');
  });

  it('completes an assignment cut short by a crash when the manager clicks again', async () => {
    const w = afterSalesWorld();
    const { complaint } = await raise(w);
    w.tasks.crashNextInsert = true;
    const input = { complaint: complaint.id, assigneeId: w.ids.staff };
    await expect(assignComplaint(w.deps, w.manager, input)).rejects.toThrow('crash');
    expect(w.tasks.all()).toHaveLength(0);
    const { task } = await assignComplaint(w.deps, w.manager, input);
    expect(task.code).toBe('T-1001');
    expect(w.tasks.all()).toHaveLength(1);
    // The other manager still cannot take it over.
    const other = assignComplaint(w.deps, w.manager2, { complaint: complaint.id, assigneeId: w.ids.staff2 });
    expect((await refusal(other)).code).toBe('COMPLAINT_ALREADY_ASSIGNED');
  });

  it('lists assignees with their open task counts, the least busy first', async () => {
    const w = afterSalesWorld();
    const { complaint } = await raise(w);
    await assignComplaint(w.deps, w.manager, { complaint: complaint.id, assigneeId: w.ids.staff });
    const list = await listAssignees(w.deps, w.manager);
    expect(list.map((a) => [a.name, a.openTasks])).toEqual([
      ['唐雪', 0],
      ['韩梅', 0],
      ['高峰', 0],
      ['许亮', 1],
    ]);
  });

  it('shows a rep their own customers’ complaints and staff their own tasks only', async () => {
    const w = afterSalesWorld();
    const { complaint } = await raise(w);
    await raiseComplaint(w.deps, w.manager, {
      customerId: OTHER_CUSTOMER,
      orderNumber: 'SO-1003',
      category: '物流',
      description: '到货破损',
    });
    expect((await listComplaints(w.deps, w.rep)).map((c) => c.code)).toEqual(['TS-1001']);
    expect(await listComplaints(w.deps, w.manager)).toHaveLength(2);
    await assignComplaint(w.deps, w.manager, { complaint: complaint.id, assigneeId: w.ids.staff });
    expect((await listComplaints(w.deps, w.staff)).map((c) => c.code)).toEqual(['TS-1001']);
    expect(await listTasks(w.deps, w.staff2)).toEqual([]);
    expect((await listTasks(w.deps, w.staff)).map((l) => l.task.code)).toEqual(['T-1001']);
    const peek = listTasks(w.deps, w.staff2, { assigneeId: w.ids.staff });
    expect((await refusal(peek)).code).toBe('FORBIDDEN');
    expect((await listTasks(w.deps, w.manager)).map((l) => l.task.code)).toEqual(['T-1001']);
  });
});

describe('hours and the manager’s decision', () => {
  async function reported(hoursLate: number) {
    const w = afterSalesWorld();
    const { complaint } = await raise(w);
    await assignComplaint(w.deps, w.manager, { complaint: complaint.id, assigneeId: w.ids.staff });
    await startTask(w.deps, w.staff, { task: 'T-1001' });
    w.clock.advance((4 + hoursLate) * HOUR);
    await reportHours(w.deps, w.staff, {
      task: 'T-1001',
      completedAt: w.clock.now(),
      hours: 3.5,
      result: '已更换电源模块',
    });
    return w;
  }

  it('moves the task to 待审核 and sends the managers the approval card', async () => {
    const w = await reported(-1);
    expect(w.tasks.all()[0]).toMatchObject({ status: 'in_review', report: { hours: 3.5 } });
    expect(w.tasks.all()[0]?.slaDueAt).toBeUndefined();
    expect(w.complaints.all()[0]?.status).toBe('in_review');
    const review = w.notifier
      .notices()
      .filter((n) => n.mode === 'post' && (n.data as { moment?: string }).moment === 'review');
    expect(review.map((n) => n.to)).toEqual([{ kind: 'member', memberId: w.ids.manager }]);
  });

  it('approves adjusted hours, flags a late finish overdue, resolves the complaint and tells everyone', async () => {
    const w = await reported(2);
    const task = await decideHours(w.deps, w.manager, { task: 'T-1001', decision: 'adjust', hours: 3 });
    expect(task).toMatchObject({
      status: 'approved',
      overdue: true,
      approval: { hours: 3, adjusted: true, by: { memberId: w.ids.manager } },
    });
    expect(w.complaints.all()[0]).toMatchObject({ status: 'resolved', resolvedAt: w.clock.now() });
    const approved = w.notifier
      .notices()
      .filter((n) => n.mode === 'post' && (n.data as { moment?: string }).moment === 'approved')
      .map((n) => (n.to.kind === 'member' ? n.to.memberId : n.to.kind));
    expect(approved.sort()).toEqual([w.ids.staff, w.ids.rep].sort());
  });

  it('approves the reported hours on time as not overdue', async () => {
    const w = await reported(-1);
    const task = await decideHours(w.deps, w.manager, { task: 'T-1001', decision: 'approve' });
    expect(task).toMatchObject({ overdue: false, approval: { hours: 3.5, adjusted: false } });
  });

  it('decides once when two managers decide at once; the other is told who did', async () => {
    const w = await reported(0);
    const results = await Promise.allSettled([
      decideHours(w.deps, w.manager, { task: 'T-1001', decision: 'approve' }),
      decideHours(w.deps, w.manager2, { task: 'T-1001', decision: 'adjust', hours: 2 }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const lost = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(lost.reason).toMatchObject({ code: 'TASK_ALREADY_DECIDED' });
    expect(w.tasks.all()[0]?.history.filter((e) => e.to === 'approved')).toHaveLength(1);
  });

  it('returns a report with its reason, back to 处理中 with the SLA running, and tells the assignee', async () => {
    const w = await reported(-2);
    const task = await decideHours(w.deps, w.manager, {
      task: 'T-1001',
      decision: 'return',
      reason: '请补充更换记录',
    });
    expect(task).toMatchObject({ status: 'in_progress', slaStep: 'remind' });
    expect(task.report).toBeUndefined();
    expect(task.history.at(-1)).toMatchObject({ note: '请补充更换记录', from: 'in_review' });
    expect(w.complaints.all()[0]?.status).toBe('in_progress');
    const back = w.notifier
      .notices()
      .filter((n) => n.mode === 'post' && (n.data as { moment?: string }).moment === 'returned');
    expect(back.map((n) => n.to)).toEqual([{ kind: 'member', memberId: w.ids.staff }]);
  });

  it('lets only the assignee report and only an after-sales manager decide', async () => {
    const w = await reported(-1);
    const byOther = reportHours(w.deps, w.staff2, {
      task: 'T-1001',
      completedAt: w.clock.now(),
      hours: 1,
      result: 'x',
    });
    expect((await refusal(byOther)).code).toBe('TASK_NOT_YOURS');
    expect((await refusal(decideHours(w.deps, w.staff, { task: 'T-1001', decision: 'approve' }))).code).toBe(
      'FORBIDDEN',
    );
  });
});

describe('closing and reopening', () => {
  it('reopens a resolved complaint for a second assignment as a new task, and closes one with its note', async () => {
    const w = afterSalesWorld();
    const { complaint } = await raise(w);
    await assignComplaint(w.deps, w.manager, { complaint: complaint.id, assigneeId: w.ids.staff });
    await reportHours(w.deps, w.staff, {
      task: 'T-1001',
      completedAt: w.clock.now(),
      hours: 1,
      result: '换件',
    });
    await decideHours(w.deps, w.manager, { task: 'T-1001', decision: 'approve' });
    const reopened = await changeComplaintStatus(w.deps, w.manager, {
      complaint: 'TS-1001',
      to: 'reopened',
      note: '客户说又坏了',
    });
    expect(reopened).toMatchObject({ status: 'reopened', round: 1 });
    expect(reopened.assigneeId).toBeUndefined();
    const { task } = await assignComplaint(w.deps, w.manager, {
      complaint: complaint.id,
      assigneeId: w.ids.staff2,
    });
    expect(task).toMatchObject({ code: 'T-1001-2', round: 2, assigneeName: '唐雪' });
    const closed = await changeComplaintStatus(w.deps, w.manager, {
      complaint: 'TS-1001',
      to: 'closed',
      note: '重复投诉',
    });
    expect(closed.history.at(-1)).toMatchObject({ from: 'assigned', to: 'closed', note: '重复投诉' });
    const again = changeComplaintStatus(w.deps, w.manager, { complaint: 'TS-1001', to: 'closed' });
    expect((await refusal(again)).code).toBe('COMPLAINT_STATUS_CONFLICT');
    expect(
      (await refusal(changeComplaintStatus(w.deps, w.rep, { complaint: 'TS-1001', to: 'reopened' }))).code,
    ).toBe('FORBIDDEN');
  });
});

import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';

// The after-sales API on the demo org through the real stack: complaint → wrong order refused → right order →
// the assignment race → hours → the approval race → resolved, overdue and in the figures.

let t: TestApp;
const CUSTOMER = new Types.ObjectId();
const OTHER_CUSTOMER = new Types.ObjectId();
let staff: { id: string; name: string };
let staff2: { id: string; name: string };
let rep: { id: string; name: string };

beforeAll(async () => {
  t = await startTestApp();
  const members = (await t.request('GET', '/sandbox/api/members')).body as {
    id: string;
    name: string;
    roles: string[];
  }[];
  const onlyAfterSales = members.filter((m) => m.roles.length === 1 && m.roles[0] === 'aftersales');
  staff = onlyAfterSales[0]!;
  staff2 = onlyAfterSales[1]!;
  rep = members.find((m) => m.roles.includes('rep'))!;
  // Orders as the customers domain stores them (its 成交 writes them; this issue only reads them).
  const db = t.app.models.Lead.db;
  const orgId = new Types.ObjectId(t.orgId);
  await db.collection('customers').insertMany([
    {
      _id: CUSTOMER,
      orgId,
      leadId: new Types.ObjectId(),
      name: '上海云启',
      contacts: [],
      createdAt: new Date(),
    },
    {
      _id: OTHER_CUSTOMER,
      orgId,
      leadId: new Types.ObjectId(),
      name: '杭州新程',
      contacts: [],
      createdAt: new Date(),
    },
  ]);
  const order = (number: string, customerId: Types.ObjectId, items: string) => ({
    orgId,
    number,
    customerId,
    items,
    amount: 98_000,
    contractNo: `HT-${number}`,
    signedAt: new Date('2026-01-15T00:00:00Z'),
    ownerId: new Types.ObjectId(rep.id),
    ownerName: rep.name,
    createdAt: new Date(),
  });
  await db
    .collection('orders')
    .insertMany([
      order('SO-1001', CUSTOMER, '服务器 2 台'),
      order('SO-1002', CUSTOMER, '交换机'),
      order('SO-1003', OTHER_CUSTOMER, '存储'),
    ]);
});
afterAll(() => t.close());

const auth = (extra: Record<string, string> = {}) => ({ authorization: `Bearer ${t.token}`, ...extra });
const complaint = (orderNumber: string) => ({
  customerId: CUSTOMER.toHexString(),
  orderNumber,
  priority: 'urgent',
  category: '设备故障',
  description: '设备无法开机，客户很着急',
});

describe('the after-sales API', () => {
  it('refuses another customer’s order with the customer’s own orders to choose from', async () => {
    const r = await t.request('POST', '/api/v1/complaints', complaint('SO-1003'), auth());
    expect(r.status).toBe(422);
    expect(r.body.error).toMatchObject({ code: 'COMPLAINT_ORDER_NOT_OF_CUSTOMER' });
    expect(r.body.error.details.choices.map((c: { number: string }) => c.number).sort()).toEqual([
      'SO-1001',
      'SO-1002',
    ]);
    expect(r.body.error.message).toContain('SO-1001');
  });

  it('runs a complaint from the web form to resolved, with both races decided once', async () => {
    const raised = await t.request(
      'POST',
      '/api/v1/complaints',
      complaint('so-1001'),
      auth({ 'idempotency-key': 'form-1' }),
    );
    expect(raised.status).toBe(201);
    expect(raised.body.complaint).toMatchObject({
      code: 'TS-1001',
      status: 'unassigned',
      customerName: '上海云启',
      order: { number: 'SO-1001', contractNo: 'HT-SO-1001', items: '服务器 2 台' },
      reporter: { kind: 'api' },
    });
    const again = await t.request(
      'POST',
      '/api/v1/complaints',
      complaint('SO-1001'),
      auth({ 'idempotency-key': 'form-1' }),
    );
    expect(again.status).toBe(200);
    expect(again.body.complaint.id).toBe(raised.body.complaint.id);

    const open = await t.request(
      'GET',
      `/api/v1/complaints?status=unassigned&customer=${CUSTOMER.toHexString()}`,
      undefined,
      auth(),
    );
    expect(open.body.complaints.map((c: { code: string }) => c.code)).toEqual(['TS-1001']);
    const assignees = await t.request('GET', '/api/v1/complaints/assignees', undefined, auth());
    expect(assignees.body.assignees.map((a: { name: string }) => a.name)).toContain(staff.name);

    const [a, b] = await Promise.all([
      t.request('POST', '/api/v1/complaints/TS-1001:assign', { assigneeId: staff.id }, auth()),
      t.request('POST', '/api/v1/complaints/TS-1001:assign', { assigneeId: staff2.id }, auth()),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const won = a.status === 200 ? a : b;
    const lost = a.status === 200 ? b : a;
    expect(lost.body.error.code).toBe('COMPLAINT_ALREADY_ASSIGNED');
    const task = won.body.task;
    expect(task).toMatchObject({ code: 'T-1001', status: 'open', priority: 'urgent' });
    expect(new Date(task.dueAt).getTime() - new Date(task.assignedAt).getTime()).toBe(4 * 3_600_000);

    const mine = await t.request('GET', `/api/v1/tasks?assignee=${task.assigneeId}`, undefined, auth());
    expect(mine.body.tasks.map((x: { code: string }) => x.code)).toEqual(['T-1001']);
    expect((await t.request('POST', '/api/v1/tasks/T-1001:start', undefined, auth())).body.task.status).toBe(
      'in_progress',
    );

    t.app.clock.advance(5 * 3_600_000);
    const hours = await t.request(
      'POST',
      '/api/v1/tasks/t-1001/hours',
      { completedAt: t.app.clock.now().toISOString(), hours: 3.5, result: '已更换电源模块' },
      auth(),
    );
    expect(hours.status).toBe(200);
    expect(hours.body.task).toMatchObject({
      status: 'in_review',
      report: { hours: 3.5, result: '已更换电源模块' },
    });

    const [d1, d2] = await Promise.all([
      t.request('POST', '/api/v1/tasks/T-1001:decide', { decision: 'adjust', hours: 3 }, auth()),
      t.request('POST', '/api/v1/tasks/T-1001:decide', { decision: 'approve' }, auth()),
    ]);
    expect([d1.status, d2.status].sort()).toEqual([200, 409]);
    expect((d1.status === 409 ? d1 : d2).body.error.code).toBe('TASK_ALREADY_DECIDED');
    const decided = (d1.status === 200 ? d1 : d2).body.task;
    expect(decided).toMatchObject({ status: 'approved', overdue: true });

    const resolved = await t.request('GET', '/api/v1/complaints?status=resolved', undefined, auth());
    expect(resolved.body.complaints.map((c: { code: string }) => c.code)).toEqual(['TS-1001']);
    const from = new Date(t.app.clock.now().getTime() - 86_400_000).toISOString();
    const to = new Date(t.app.clock.now().getTime() + 86_400_000).toISOString();
    const figures = await t.request(
      'GET',
      `/api/v1/after-sales/figures?from=${from}&to=${to}`,
      undefined,
      auth(),
    );
    expect(figures.status).toBe(200);
    expect(figures.body.figures.staff).toEqual([
      expect.objectContaining({
        assigneeId: task.assigneeId,
        reportedHours: 3.5,
        approvedHours: decided.approval.hours,
        overdueRate: 1,
      }),
    ]);
    expect(figures.body.figures.customers).toEqual([
      expect.objectContaining({ customerName: '上海云启', complaints: 1, resolved: 1 }),
    ]);
  });

  it('takes the org’s own due times by priority in its settings', async () => {
    const patched = await t.request(
      'PATCH',
      '/api/v1/org/settings',
      { afterSales: { slaHours: { high: 8 } } },
      auth(),
    );
    expect(patched.status).toBe(200);
    const raised = await t.request(
      'POST',
      '/api/v1/complaints',
      { ...complaint('SO-1002'), priority: 'high' },
      auth(),
    );
    const assigned = await t.request(
      'POST',
      `/api/v1/complaints/${raised.body.complaint.id}:assign`,
      { assigneeId: staff2.id },
      auth(),
    );
    const task = assigned.body.task;
    expect(new Date(task.dueAt).getTime() - new Date(task.assignedAt).getTime()).toBe(8 * 3_600_000);
    const bad = await t.request(
      'PATCH',
      '/api/v1/org/settings',
      { afterSales: { slaHours: { high: -1 } } },
      auth(),
    );
    expect(bad.status).toBe(400);
  });

  it('shows each staff member’s open tasks on a new complaint’s card, sent to the channel and every manager', async () => {
    // After the test above, staff2 holds one open task and staff none (theirs was approved).
    const raised = await t.request('POST', '/api/v1/complaints', complaint('SO-1002'), auth());
    const id = raised.body.complaint.id;
    const posts = await t.app.models.OutboxEntry.collection
      .find({ kind: 'after_sales.complaint', mode: 'post', 'data.complaintId': id })
      .toArray();
    const { assignees } = (await t.request('GET', '/api/v1/complaints/assignees', undefined, auth())).body;
    expect(assignees).toEqual(
      expect.arrayContaining([
        { memberId: staff.id, name: staff.name, openTasks: 0 },
        { memberId: staff2.id, name: staff2.name, openTasks: 1 },
      ]),
    );
    for (const post of posts) expect(post.data.assignees).toEqual(assignees);
    const members = (await t.request('GET', '/sandbox/api/members')).body as {
      id: string;
      roles: string[];
    }[];
    const managers = members.filter((m) => m.roles.includes('aftersales_manager')).map((m) => m.id);
    expect(managers.length).toBeGreaterThan(0);
    const dms = posts.filter((p) => p.to.kind === 'member').map((p) => p.to.memberId);
    expect(dms.sort()).toEqual(managers.sort());
  });

  it('closes a complaint with its note and refuses closing it twice', async () => {
    const raised = await t.request('POST', '/api/v1/complaints', complaint('SO-1001'), auth());
    const ref = raised.body.complaint.code.toLowerCase();
    const closed = await t.request('POST', `/api/v1/complaints/${ref}:close`, { note: '客户撤回' }, auth());
    expect(closed.status).toBe(200);
    expect(closed.body.complaint.history.at(-1)).toMatchObject({ to: 'closed', note: '客户撤回' });
    const twice = await t.request('POST', `/api/v1/complaints/${ref}:close`, {}, auth());
    expect(twice.body.error.code).toBe('COMPLAINT_STATUS_CONFLICT');
  });

  it('refuses an unknown task and a bad period with the codes API clients read', async () => {
    expect((await t.request('POST', '/api/v1/tasks/T-9999:start', undefined, auth())).body.error.code).toBe(
      'TASK_NOT_FOUND',
    );
    const period = await t.request(
      'GET',
      '/api/v1/after-sales/figures?from=2026-05-01&to=2026-04-01',
      undefined,
      auth(),
    );
    expect(period.status).toBe(400);
    // A wrong type is said as one, never as a missing field.
    const mistyped = await t.request(
      'POST',
      '/api/v1/complaints',
      { ...complaint('SO-1001'), customerId: { name: '上海云启' }, description: ['无法开机'] },
      auth(),
    );
    expect(mistyped.status).toBe(400);
    expect(mistyped.body.error.details.issues).toEqual([
      expect.objectContaining({ field: 'customerId', problem: { kind: 'wrong_type', expected: 'string' } }),
      expect.objectContaining({ field: 'description', problem: { kind: 'wrong_type', expected: 'string' } }),
    ]);
  });
});

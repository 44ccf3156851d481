import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AfterSalesOrder,
  type Complaint,
  complaintId,
  HISTORY_LIMIT,
  type Task,
} from '../../src/core/after-sales/after-sales-types.js';
import type {
  AfterSalesFigures,
  AfterSalesOrders,
  ComplaintRepository,
  NewComplaint,
  NewTask,
  TaskRepository,
} from '../../src/core/after-sales/ports.js';
import { customerId, type MemberId, memberId, orderId, orgId } from '../../src/core/shared/ids.js';
import { bindModels, ensureIndexes, type Models } from '../../src/storage/models.js';
import { mustObjectId } from '../../src/storage/object-id.js';
import { mongoAfterSalesFigures } from '../../src/storage/repositories/after-sales-figures.js';
import { mongoAfterSalesOrders } from '../../src/storage/repositories/after-sales-orders.js';
import { mongoComplaintRepository } from '../../src/storage/repositories/complaint-repository.js';
import { mongoTaskRepository } from '../../src/storage/repositories/task-repository.js';
import { FakeComplaintRepository } from '../core/fake-complaint-repository.js';
import {
  FakeAfterSalesFigures,
  FakeAfterSalesOrders,
  FakeTaskRepository,
} from '../core/fake-task-repository.js';
import { FakeMemberRepository, makeMember } from '../core/fakes.js';
import { openTestDatabase } from '../support/test-database.js';

// The same cases against the in-memory fakes the core tests use and the mongo repositories on the test database.

const ORG = orgId('00000000000000000000a001');
const OTHER = orgId('00000000000000000000a002');
const AT = new Date('2026-03-02T02:00:00Z');
const STAFF = memberId('00000000000000000000b001');
const STAFF2 = memberId('00000000000000000000b002');
const OWNER = memberId('00000000000000000000b003');
const CUSTOMER = customerId('00000000000000000000c001');
const HOUR = 3_600_000;

type Subject = {
  complaints: ComplaintRepository;
  tasks: TaskRepository;
  figures: AfterSalesFigures;
  orders: AfterSalesOrders;
};

// One order of 上海云启, as the customers domain stores it (its customer's name joined in by the reader).
const ORDER: AfterSalesOrder = {
  id: orderId('00000000000000000000d001'),
  number: 'SO-1001',
  customerId: CUSTOMER,
  customerName: '上海云启',
  items: '服务器',
  amount: 1000,
  contractNo: 'HT1',
  signedAt: AT,
  ownerId: OWNER,
  ownerName: '王芳',
};

let db: Awaited<ReturnType<typeof openTestDatabase>>;
let models: Models;
beforeAll(async () => {
  db = await openTestDatabase();
  models = bindModels(db.connection);
  await ensureIndexes(models);
});
afterAll(() => db.close());

// The centre's members the staff loads read: two staff, a manager, a rep (not of the centre) and a leaver.
const MANAGER = memberId('00000000000000000000b004');
const centre = [
  makeMember(STAFF, { orgId: ORG, name: '许亮', roles: ['aftersales'] }),
  makeMember(STAFF2, { orgId: ORG, name: '唐雪', roles: ['aftersales'] }),
  makeMember(MANAGER, { orgId: ORG, name: '高峰', roles: ['aftersales_manager'] }),
  makeMember(OWNER, { orgId: ORG, name: '王芳', roles: ['rep'] }),
  makeMember('00000000000000000000b005', { orgId: ORG, name: '离职', roles: ['aftersales'], active: false }),
];

function fakeSubject(): Subject {
  const complaints = new FakeComplaintRepository();
  const tasks = new FakeTaskRepository(new FakeMemberRepository(centre));
  const orders = new FakeAfterSalesOrders([ORDER], tasks);
  return { complaints, tasks, figures: new FakeAfterSalesFigures(tasks, complaints), orders };
}
async function mongoSubject(): Promise<Subject> {
  await models.Complaint.deleteMany({});
  await models.Task.deleteMany({});
  await models.Member.deleteMany({});
  await models.Member.collection.insertMany(
    centre.map((m) => ({
      _id: mustObjectId(m.id),
      orgId: mustObjectId(ORG),
      name: m.name,
      roles: m.roles,
      active: m.active,
    })),
  );
  await models.Order.deleteMany({});
  await models.Customer.deleteMany({});
  await models.Customer.collection.insertOne({
    _id: mustObjectId(CUSTOMER),
    orgId: mustObjectId(ORG),
    name: ORDER.customerName,
    contacts: [],
    createdAt: AT,
  } as never);
  await models.Order.collection.insertOne({
    _id: mustObjectId(ORDER.id),
    orgId: mustObjectId(ORG),
    number: ORDER.number,
    customerId: mustObjectId(CUSTOMER),
    items: ORDER.items,
    amount: ORDER.amount,
    contractNo: ORDER.contractNo,
    signedAt: AT,
    ownerId: mustObjectId(OWNER),
    ownerName: ORDER.ownerName,
    createdAt: AT,
  } as never);
  return {
    complaints: mongoComplaintRepository(models),
    tasks: mongoTaskRepository(models),
    figures: mongoAfterSalesFigures(models),
    orders: mongoAfterSalesOrders(models),
  };
}

let n = 0;
const newComplaint = (overrides: Partial<NewComplaint> = {}): NewComplaint => ({
  orgId: ORG,
  code: `TS-${1000 + ++n}`,
  customerId: CUSTOMER,
  customerName: '上海云启',
  customerOwnerId: OWNER,
  order: {
    id: orderId('00000000000000000000d001'),
    number: 'SO-1001',
    items: '服务器',
    amount: 1000,
    contractNo: 'HT1',
    signedAt: AT,
  },
  priority: 'urgent',
  category: '设备故障',
  description: '设备无法开机',
  reporter: { kind: 'member', memberId: OWNER, name: '王芳' },
  status: 'unassigned',
  round: 0,
  history: [{ at: AT, to: 'unassigned', by: { memberId: OWNER, name: '王芳' } }],
  version: 1,
  createdAt: AT,
  ...overrides,
});

async function raised(s: Subject, overrides: Partial<NewComplaint> = {}): Promise<Complaint> {
  const r = await s.complaints.insert(newComplaint(overrides));
  if (!('complaint' in r)) throw new Error('insert refused');
  return r.complaint;
}

const newTask = (c: Complaint, overrides: Partial<NewTask> = {}): NewTask => ({
  orgId: c.orgId,
  code: `T-${c.code.slice(3)}`,
  complaintId: c.id,
  complaintCode: c.code,
  round: 1,
  customerId: c.customerId,
  customerName: c.customerName,
  customerOwnerId: OWNER,
  priority: 'urgent',
  assigneeId: STAFF,
  assigneeName: '许亮',
  managerIds: [OWNER],
  status: 'open',
  assignedAt: AT,
  dueAt: new Date(AT.getTime() + 4 * HOUR),
  remindAt: new Date(AT.getTime() + 3 * HOUR),
  slaStep: 'remind',
  slaDueAt: new Date(AT.getTime() + 3 * HOUR),
  pausedMs: 0,
  pauses: [],
  history: [{ at: AT, to: 'open', by: {} }],
  createdAt: AT,
  ...overrides,
});

const assign = {
  set: { status: 'assigned' as const, assigneeId: STAFF, assigneeName: '许亮', taskPendingAt: AT },
  entry: { at: AT, from: 'unassigned' as const, to: 'assigned' as const, by: {} },
  bumpRound: true,
};

describe.each([
  ['in-memory fakes', async () => fakeSubject()],
  ['mongo repositories', mongoSubject],
] as const)('after-sales repositories (%s)', (_name, subject) => {
  it('stores a complaint and reads it back by id, code and request key, within its org only', async () => {
    const s = await subject();
    const c = await raised(s, { requestKey: 'evt-1' });
    expect(await s.complaints.get(ORG, c.id)).toEqual(c);
    expect(await s.complaints.findByCode(ORG, c.code)).toEqual(c);
    expect(await s.complaints.findByRequestKey(ORG, 'evt-1')).toEqual(c);
    expect(await s.complaints.get(OTHER, c.id)).toBeUndefined();
    expect(await s.complaints.get(ORG, complaintId('not-an-id'))).toBeUndefined();
    expect(await s.complaints.insert(newComplaint({ requestKey: 'evt-1' }))).toEqual({ conflict: 'replay' });
    expect(await s.complaints.insert(newComplaint({ code: c.code }))).toEqual({ conflict: 'replay' });
  });

  it('lets exactly one of two concurrent assignments win, bumping the round and keeping the history', async () => {
    const s = await subject();
    const c = await raised(s);
    const [a, b] = await Promise.all([
      s.complaints.updateIf(ORG, c.id, { status: 'unassigned' }, assign),
      s.complaints.updateIf(
        ORG,
        c.id,
        { status: 'unassigned' },
        { ...assign, set: { ...assign.set, assigneeId: STAFF2 } },
      ),
    ]);
    expect([a, b].filter(Boolean)).toHaveLength(1);
    const won = (a ?? b)!;
    expect(won).toMatchObject({ status: 'assigned', round: 1, version: 2, taskPendingAt: AT });
    expect(won.history.map((e) => e.to)).toEqual(['unassigned', 'assigned']);
    expect(await s.complaints.findTaskPending(AT, 10)).toEqual([won]);
    const cleared = await s.complaints.updateIf(
      ORG,
      c.id,
      { status: ['assigned', 'in_progress'], round: 1 },
      { set: {}, unset: ['taskPendingAt'] },
    );
    expect(cleared?.taskPendingAt).toBeUndefined();
    expect(cleared?.history).toHaveLength(2);
    expect(
      await s.complaints.updateIf(ORG, c.id, { status: 'assigned', round: 2 }, { set: {} }),
    ).toBeUndefined();
    expect(await s.complaints.findTaskPending(AT, 10)).toEqual([]);
  });

  it('lists complaints newest first by status, customer, owner and assignee', async () => {
    const s = await subject();
    const first = await raised(s);
    const second = await raised(s, { customerOwnerId: STAFF2 });
    await s.complaints.updateIf(ORG, second.id, { status: 'unassigned' }, assign);
    expect((await s.complaints.list(ORG, { limit: 10 })).map((c) => c.id)).toEqual([second.id, first.id]);
    expect((await s.complaints.list(ORG, { status: 'unassigned', limit: 10 })).map((c) => c.id)).toEqual([
      first.id,
    ]);
    expect((await s.complaints.list(ORG, { customerOwnerId: OWNER, limit: 10 })).map((c) => c.id)).toEqual([
      first.id,
    ]);
    expect((await s.complaints.list(ORG, { assigneeId: STAFF, limit: 10 })).map((c) => c.id)).toEqual([
      second.id,
    ]);
    expect(await s.complaints.list(OTHER, { limit: 10 })).toEqual([]);
  });

  it("lists a manager's complaints: any of several customer owners, none for an empty list", async () => {
    const s = await subject();
    const first = await raised(s);
    const second = await raised(s, { customerOwnerId: STAFF2 });
    const { customerOwnerId: _none, ...unowned } = newComplaint();
    const third = await s.complaints.insert(unowned);
    if (!('complaint' in third)) throw new Error('not inserted');
    expect(await s.complaints.list(ORG, { limit: 10 })).toHaveLength(3);
    const ids = async (customerOwnerIds: MemberId[]) =>
      (await s.complaints.list(ORG, { customerOwnerIds, limit: 10 })).map((c) => c.id);
    expect(await ids([OWNER, STAFF2])).toEqual([second.id, first.id]);
    expect(await ids([STAFF2])).toEqual([second.id]);
    // Nobody's customers is no complaint, not the ones without an owner.
    expect(await ids([])).toEqual([]);
    expect(await ids(['not-an-id' as MemberId])).toEqual([]);
  });

  it('keeps one task per assignment and returns the stored one to a second insert', async () => {
    const s = await subject();
    const c = await raised(s);
    const first = await s.tasks.insert(newTask(c));
    expect(first.created).toBe(true);
    expect(first.task).toMatchObject({ version: 1, code: `T-${c.code.slice(3)}`, managerIds: [OWNER] });
    const again = await s.tasks.insert(newTask(c, { assigneeId: STAFF2 }));
    expect(again).toEqual({ task: first.task, created: false });
    expect(await s.tasks.get(ORG, first.task.id)).toEqual(first.task);
    expect(await s.tasks.findByCode(ORG, first.task.code)).toEqual(first.task);
  });

  it('writes a task on its version only, unsets fields and bounds the history', async () => {
    const s = await subject();
    const { task } = await s.tasks.insert(newTask(await raised(s)));
    const entry = {
      at: AT,
      from: 'open' as const,
      to: 'in_progress' as const,
      by: { memberId: STAFF, name: '许亮' },
    };
    const [a, b] = await Promise.all([
      s.tasks.updateIf(ORG, task.id, 1, { set: { status: 'in_progress' }, entry }),
      s.tasks.updateIf(ORG, task.id, 1, { set: { status: 'paused' }, unset: ['slaStep', 'slaDueAt'], entry }),
    ]);
    expect([a, b].filter(Boolean)).toHaveLength(1);
    let t: Task | undefined = (a ?? b)!;
    for (let i = 0; i < HISTORY_LIMIT + 2; i++)
      t = await s.tasks.updateIf(ORG, task.id, t!.version, {
        set: { pausedMs: i },
        unset: ['slaStep', 'slaDueAt'],
        entry,
      });
    expect(t?.history).toHaveLength(HISTORY_LIMIT);
    expect(t?.slaDueAt).toBeUndefined();
    expect(t?.version).toBe(HISTORY_LIMIT + 4);
  });

  it('finds what is due for the SLA, soonest first, and counts open tasks per assignee', async () => {
    const s = await subject();
    const late = await s.tasks.insert(newTask(await raised(s), { slaDueAt: new Date(AT.getTime() + HOUR) }));
    await s.tasks.insert(
      newTask(await raised(s), { slaDueAt: new Date(AT.getTime() + 9 * HOUR), assigneeId: STAFF2 }),
    );
    const paused = await s.tasks.insert(newTask(await raised(s), { status: 'paused' }));
    await s.tasks.updateIf(ORG, paused.task.id, 1, { set: {}, unset: ['slaStep', 'slaDueAt'] });
    expect((await s.tasks.findSlaDue(new Date(AT.getTime() + 5 * HOUR), 10)).map((t) => t.id)).toEqual([
      late.task.id,
    ]);
    // Open tasks only: an approved one no longer counts.
    const done = await s.tasks.insert(newTask(await raised(s), { assigneeId: STAFF2 }));
    await s.tasks.updateIf(ORG, done.task.id, 1, { set: { status: 'approved' } });
    expect(await s.tasks.staffLoads(ORG)).toEqual([
      { memberId: STAFF, name: '许亮', roles: ['aftersales'], openTasks: 2 },
      { memberId: STAFF2, name: '唐雪', roles: ['aftersales'], openTasks: 1 },
      { memberId: MANAGER, name: '高峰', roles: ['aftersales_manager'], openTasks: 0 },
    ]);
    expect(await s.tasks.staffLoads(OTHER)).toEqual([]);
    expect(
      (await s.tasks.list(ORG, { assigneeId: STAFF, statuses: ['open'], limit: 10 })).map((t) => t.id),
    ).toEqual([late.task.id]);
  });

  it('reads an order with the centre’s staff and their open counts in one, and nothing for an unknown number', async () => {
    const s = await subject();
    await s.tasks.insert(newTask(await raised(s)));
    expect(await s.orders.findByNumber(ORG, 'SO-1001')).toEqual(ORDER);
    expect(await s.orders.findWithStaff(ORG, 'SO-1001')).toEqual({
      order: ORDER,
      staff: [
        { memberId: STAFF, name: '许亮', roles: ['aftersales'], openTasks: 1 },
        { memberId: STAFF2, name: '唐雪', roles: ['aftersales'], openTasks: 0 },
        { memberId: MANAGER, name: '高峰', roles: ['aftersales_manager'], openTasks: 0 },
      ],
    });
    expect(await s.orders.findWithStaff(ORG, 'SO-9999')).toBeUndefined();
  });

  it('computes the figures of a period', async () => {
    const s = await subject();
    const c1 = await raised(s);
    await raised(s);
    await s.complaints.updateIf(
      ORG,
      c1.id,
      { status: 'unassigned' },
      { set: { status: 'resolved', resolvedAt: new Date(AT.getTime() + 6 * HOUR) } },
    );
    const { task } = await s.tasks.insert(newTask(c1));
    await s.tasks.updateIf(ORG, task.id, 1, {
      set: {
        status: 'approved',
        report: { completedAt: AT, hours: 3.5, result: '换件', reportedAt: AT },
        approval: { hours: 3, by: {}, at: new Date(AT.getTime() + HOUR), adjusted: true },
        overdue: true,
      },
    });
    const period = { from: new Date('2026-03-01T00:00:00Z'), to: new Date('2026-04-01T00:00:00Z') };
    expect(await s.figures.staffHours(ORG, period)).toEqual([
      {
        assigneeId: STAFF,
        assigneeName: '许亮',
        tasks: 1,
        reportedHours: 3.5,
        approvedHours: 3,
        overdue: 1,
        overdueRate: 1,
      },
    ]);
    expect(await s.figures.customerComplaints(ORG, period)).toEqual([
      { customerId: CUSTOMER, customerName: '上海云启', complaints: 2, resolved: 1, meanHoursToResolve: 6 },
    ]);
    expect(
      await s.figures.staffHours(ORG, { from: period.to, to: new Date('2026-05-01T00:00:00Z') }),
    ).toEqual([]);
  });
});

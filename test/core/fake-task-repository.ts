import type { AfterSalesOrder } from '../../src/core/after-sales/after-sales-types.js';
import {
  CENTRE_ROLES,
  HISTORY_LIMIT,
  OPEN_TASK_STATUSES,
  type Task,
  type TaskId,
  taskId,
} from '../../src/core/after-sales/after-sales-types.js';
import type {
  AfterSalesFigures,
  AfterSalesOrders,
  CustomerComplaintFigure,
  FigurePeriod,
  NewTask,
  StaffHoursFigure,
  StaffLoad,
  TaskChange,
  TaskQuery,
  TaskRepository,
} from '../../src/core/after-sales/ports.js';
import type { MemberRepository } from '../../src/core/org/index.js';
import type { CustomerId, MemberId, OrgId } from '../../src/core/shared/ids.js';
import type { FakeComplaintRepository } from './fake-complaint-repository.js';

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Tasks in memory, held to the mongo repository by the contract test: unique per (org, complaint, round), and
 * `updateIf` on the version read, checked and written in one synchronous step after a turn of the event loop.
 */
export class FakeTaskRepository implements TaskRepository {
  private readonly rows = new Map<string, Task>();
  private next = 1;
  /** When set, `insert` throws once: a crash between the complaint's write and the task's. */
  crashNextInsert = false;

  /** The members the staff loads are read from (none unless given). */
  constructor(private readonly members: Pick<MemberRepository, 'list'> = { list: async () => [] }) {}

  all(): Task[] {
    return [...this.rows.values()];
  }

  async insert(record: NewTask) {
    await turn();
    if (this.crashNextInsert) {
      this.crashNextInsert = false;
      throw new Error('crash before the task was written');
    }
    const existing = this.all().find(
      (t) => t.orgId === record.orgId && t.complaintId === record.complaintId && t.round === record.round,
    );
    if (existing) return { task: existing, created: false };
    const task: Task = { ...record, id: taskId((this.next++).toString(16).padStart(24, 'a')), version: 1 };
    this.rows.set(task.id, task);
    return { task, created: true };
  }

  async get(org: OrgId, id: TaskId) {
    const t = this.rows.get(id);
    return t?.orgId === org ? t : undefined;
  }

  async findByCode(org: OrgId, code: string) {
    return this.all().find((t) => t.orgId === org && t.code === code);
  }

  async list(org: OrgId, q: TaskQuery) {
    return this.all()
      .filter(
        (t) =>
          t.orgId === org &&
          (q.assigneeId === undefined || t.assigneeId === q.assigneeId) &&
          (q.statuses === undefined || q.statuses.includes(t.status)),
      )
      .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime())
      .slice(0, q.limit);
  }

  async updateIf(org: OrgId, id: TaskId, version: number, change: TaskChange) {
    await turn();
    const t = this.rows.get(id);
    if (!t || t.orgId !== org || t.version !== version) return undefined;
    const next: Record<string, unknown> = { ...t, ...change.set };
    for (const key of change.unset ?? []) delete next[key];
    const updated = {
      ...next,
      history: change.entry ? [...t.history, change.entry].slice(-HISTORY_LIMIT) : t.history,
      version: t.version + 1,
    } as Task;
    this.rows.set(id, updated);
    return updated;
  }

  async staffLoads(org: OrgId): Promise<StaffLoad[]> {
    const counts = new Map<MemberId, number>();
    for (const t of this.all())
      if (t.orgId === org && OPEN_TASK_STATUSES.includes(t.status))
        counts.set(t.assigneeId, (counts.get(t.assigneeId) ?? 0) + 1);
    return (await this.members.list(org, { activeOnly: true }))
      .filter((m) => m.roles.some((r) => CENTRE_ROLES.includes(r)))
      .sort((a, b) => (a.id < b.id ? -1 : 1))
      .map((m) => ({ memberId: m.id, name: m.name, roles: m.roles, openTasks: counts.get(m.id) ?? 0 }));
  }

  async findSlaDue(now: Date, limit: number) {
    return this.all()
      .filter((t) => t.slaDueAt !== undefined && t.slaDueAt <= now)
      .sort((a, b) => a.slaDueAt!.getTime() - b.slaDueAt!.getTime())
      .slice(0, limit);
  }
}

/** The figures over the fakes, as the aggregations compute them. */
export class FakeAfterSalesFigures implements AfterSalesFigures {
  constructor(
    private readonly tasks: FakeTaskRepository,
    private readonly complaints: FakeComplaintRepository,
  ) {}

  async staffHours(org: OrgId, p: FigurePeriod): Promise<StaffHoursFigure[]> {
    const byStaff = new Map<MemberId, StaffHoursFigure>();
    for (const t of this.tasks.all()) {
      if (t.orgId !== org || !t.approval || t.approval.at < p.from || t.approval.at >= p.to) continue;
      const f = byStaff.get(t.assigneeId) ?? {
        assigneeId: t.assigneeId,
        assigneeName: t.assigneeName,
        tasks: 0,
        reportedHours: 0,
        approvedHours: 0,
        overdue: 0,
        overdueRate: 0,
      };
      const tasks = f.tasks + 1;
      const overdue = f.overdue + (t.overdue ? 1 : 0);
      byStaff.set(t.assigneeId, {
        ...f,
        tasks,
        reportedHours: f.reportedHours + (t.report?.hours ?? 0),
        approvedHours: f.approvedHours + t.approval.hours,
        overdue,
        overdueRate: overdue / tasks,
      });
    }
    return [...byStaff.values()].sort((a, b) => b.approvedHours - a.approvedHours);
  }

  async customerComplaints(org: OrgId, p: FigurePeriod): Promise<CustomerComplaintFigure[]> {
    const byCustomer = new Map<CustomerId, { f: CustomerComplaintFigure; hours: number[] }>();
    for (const c of this.complaints.all()) {
      if (c.orgId !== org || c.createdAt < p.from || c.createdAt >= p.to) continue;
      const entry = byCustomer.get(c.customerId) ?? {
        f: { customerId: c.customerId, customerName: c.customerName, complaints: 0, resolved: 0 },
        hours: [],
      };
      if (c.resolvedAt) entry.hours.push((c.resolvedAt.getTime() - c.createdAt.getTime()) / 3_600_000);
      entry.f = { ...entry.f, complaints: entry.f.complaints + 1, resolved: entry.hours.length };
      byCustomer.set(c.customerId, entry);
    }
    return [...byCustomer.values()]
      .map(({ f, hours }) =>
        hours.length ? { ...f, meanHoursToResolve: hours.reduce((a, b) => a + b, 0) / hours.length } : f,
      )
      .sort((a, b) => b.complaints - a.complaints);
  }
}

/** Orders in memory, as the customers domain stores them (customer name joined in). */
export class FakeAfterSalesOrders implements AfterSalesOrders {
  constructor(
    readonly orders: AfterSalesOrder[] = [],
    private readonly tasks: Pick<TaskRepository, 'staffLoads'> = { staffLoads: async () => [] },
  ) {}
  async findWithStaff(org: OrgId, number: string) {
    const order = await this.findByNumber(org, number);
    return order ? { order, staff: await this.tasks.staffLoads(org) } : undefined;
  }
  async listByCustomer(_org: OrgId, customer: CustomerId) {
    return this.orders.filter((o) => o.customerId === customer);
  }
  async findByNumber(_org: OrgId, number: string) {
    return this.orders.find((o) => o.number === number);
  }
}

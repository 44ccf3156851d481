import type { MemberRepository, Role } from '../org/index.js';
import type { Clock } from '../shared/clock.js';
import type { CustomerId, MemberId, OrgId } from '../shared/ids.js';
import type { Notifier } from '../shared/notices.js';
import type {
  AfterSalesOrder,
  Complaint,
  ComplaintId,
  ComplaintStatus,
  StatusEntry,
  Task,
  TaskId,
  TaskStatus,
} from './after-sales-types.js';

/**
 * An active member of the complaint centre (after-sales staff or manager) with their open task count: who the
 * centre card is sent to (the managers) and who its buttons assign to ("许亮 · 2 单").
 */
export type StaffLoad = {
  readonly memberId: MemberId;
  readonly name: string;
  readonly roles: readonly Role[];
  readonly openTasks: number;
};

/** The orders after-sales reads (the customers domain writes them): a customer's, or one by its number. */
export interface AfterSalesOrders {
  /** The customer's orders, newest first; empty for an unknown customer. */
  listByCustomer(orgId: OrgId, customerId: CustomerId): Promise<AfterSalesOrder[]>;
  findByNumber(orgId: OrgId, number: string): Promise<AfterSalesOrder | undefined>;
  /**
   * The order by its number with the centre's staff and their loads, in one command (raising a complaint needs
   * both, and the loads only once the order is found); undefined for an unknown number.
   */
  findWithStaff(
    orgId: OrgId,
    number: string,
  ): Promise<{ order: AfterSalesOrder; staff: readonly StaffLoad[] } | undefined>;
}

/** Per-org sequences; one number per complaint (`TS-<n>`), its tasks reuse it. */
export interface AfterSalesCounters {
  reserve(orgId: OrgId, name: string, count: number): Promise<number>;
}

export type NewComplaint = Omit<Complaint, 'id'>;

/** One write of a complaint: what to set and unset, and the history entry; `bumpRound` counts an assignment. */
export type ComplaintChange = {
  readonly set: Partial<Omit<Complaint, 'id' | 'orgId' | 'history' | 'version' | 'round'>>;
  readonly unset?: readonly ('assigneeId' | 'assigneeName' | 'assignedBy' | 'taskPendingAt' | 'resolvedAt')[];
  /** Absent for a write that changes no status (the sweep clearing `taskPendingAt`). */
  readonly entry?: StatusEntry<ComplaintStatus>;
  readonly bumpRound?: boolean;
};

/** The state a conditional complaint write requires: its status, and (for the task's writes) its round. */
export type ComplaintCondition = {
  readonly status: ComplaintStatus | readonly ComplaintStatus[];
  readonly round?: number;
};

export type ComplaintQuery = {
  readonly status?: ComplaintStatus;
  readonly customerId?: CustomerId;
  /** A sales rep's scope: the complaints of their own customers. */
  readonly customerOwnerId?: MemberId;
  /** A sales manager's scope: the complaints of these people's customers (their teams' members and their own). */
  readonly customerOwnerIds?: readonly MemberId[];
  /** A staff member's scope: the complaints assigned to them. */
  readonly assigneeId?: MemberId;
  readonly limit: number;
};

// Every query takes the orgId (the sweeps excepted: they run over every org, through an index).
export interface ComplaintRepository {
  /** Inserts; a second insert with the same request key is reported as a replay, not thrown. */
  insert(complaint: NewComplaint): Promise<{ complaint: Complaint } | { conflict: 'replay' }>;
  get(orgId: OrgId, id: ComplaintId): Promise<Complaint | undefined>;
  findByCode(orgId: OrgId, code: string): Promise<Complaint | undefined>;
  findByRequestKey(orgId: OrgId, requestKey: string): Promise<Complaint | undefined>;
  /** Newest first. */
  list(orgId: OrgId, query: ComplaintQuery): Promise<Complaint[]>;
  /** One conditional write: applied only while the complaint is in `condition`; the complaint after, or undefined. */
  updateIf(
    orgId: OrgId,
    id: ComplaintId,
    condition: ComplaintCondition,
    change: ComplaintChange,
  ): Promise<Complaint | undefined>;
  /** Assigned complaints whose task write may have been lost (taskPendingAt before `before`), oldest first. */
  findTaskPending(before: Date, limit: number): Promise<Complaint[]>;
}

export type NewTask = Omit<Task, 'id' | 'version'>;

type TaskUnset = 'slaStep' | 'slaDueAt' | 'pausedAt' | 'report' | 'approval' | 'overdue';

export type TaskChange = {
  readonly set: Partial<Omit<Task, 'id' | 'orgId' | 'history' | 'version' | 'code'>>;
  readonly unset?: readonly TaskUnset[];
  readonly entry?: StatusEntry<TaskStatus>;
};

export type TaskQuery = {
  readonly assigneeId?: MemberId;
  readonly statuses?: readonly TaskStatus[];
  readonly limit: number;
};

export interface TaskRepository {
  /** Inserts the task of one assignment; the one already stored for it (unique per complaint and round) if any. */
  insert(task: NewTask): Promise<{ task: Task; created: boolean }>;
  get(orgId: OrgId, id: TaskId): Promise<Task | undefined>;
  findByCode(orgId: OrgId, code: string): Promise<Task | undefined>;
  /** Due time first. */
  list(orgId: OrgId, query: TaskQuery): Promise<Task[]>;
  /** One conditional write on the version read; the task after it, or undefined when it changed meanwhile. */
  updateIf(orgId: OrgId, id: TaskId, version: number, change: TaskChange): Promise<Task | undefined>;
  /** The centre's active staff and managers with their open task counts (one aggregation), by member id. */
  staffLoads(orgId: OrgId): Promise<StaffLoad[]>;
  /** Tasks whose SLA step is due (the indexed `slaDueAt`), soonest first. */
  findSlaDue(now: Date, limit: number): Promise<Task[]>;
}

/** Per staff member, over the tasks approved in a period. */
export type StaffHoursFigure = {
  readonly assigneeId: MemberId;
  readonly assigneeName: string;
  readonly tasks: number;
  readonly reportedHours: number;
  readonly approvedHours: number;
  readonly overdue: number;
  /** overdue / tasks, 0 … 1. */
  readonly overdueRate: number;
};

/** Per customer, over the complaints raised in a period. */
export type CustomerComplaintFigure = {
  readonly customerId: CustomerId;
  readonly customerName: string;
  readonly complaints: number;
  readonly resolved: number;
  /** Mean hours from raised to resolved, over the resolved ones; absent when none is. */
  readonly meanHoursToResolve?: number;
};

export type FigurePeriod = { readonly from: Date; readonly to: Date };

/** The figures, computed by the database (one aggregation each). */
export interface AfterSalesFigures {
  staffHours(orgId: OrgId, period: FigurePeriod): Promise<StaffHoursFigure[]>;
  customerComplaints(orgId: OrgId, period: FigurePeriod): Promise<CustomerComplaintFigure[]>;
}

export type AfterSalesDeps = {
  readonly complaints: ComplaintRepository;
  readonly tasks: TaskRepository;
  readonly orders: AfterSalesOrders;
  readonly counters: AfterSalesCounters;
  readonly members: MemberRepository;
  readonly notifier: Notifier;
  readonly clock: Clock;
};

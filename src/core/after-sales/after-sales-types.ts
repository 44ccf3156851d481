import type { Role } from '../org/index.js';
import type { Brand, CustomerId, MemberId, OrderId, OrgId } from '../shared/ids.js';

export type ComplaintId = Brand<string, 'ComplaintId'>;
export type TaskId = Brand<string, 'TaskId'>;
export const complaintId = (value: string): ComplaintId => value as ComplaintId;
export const taskId = (value: string): TaskId => value as TaskId;

export const PRIORITIES = ['urgent', 'high', 'normal', 'low'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** 待分配 → 已分配 → 处理中 → 待审核 → 已解决, and 已关闭 / 重新打开 (a reopened complaint is assigned again). */
export const COMPLAINT_STATUSES = [
  'unassigned',
  'assigned',
  'in_progress',
  'in_review',
  'resolved',
  'closed',
  'reopened',
] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

/** 待处理 → 处理中 (⇄ 已暂停) → 待审核 → 已完成; a returned report goes back to 处理中. */
export const TASK_STATUSES = ['open', 'in_progress', 'paused', 'in_review', 'approved'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
/** Tasks someone still has to work on (the open counts of the centre card, "my tasks"). */
export const OPEN_TASK_STATUSES: readonly TaskStatus[] = ['open', 'in_progress', 'paused', 'in_review'];
/** The complaint centre's roles: who takes tasks (staff, and managers who may take one themselves). */
export const CENTRE_ROLES: readonly Role[] = ['aftersales', 'aftersales_manager'];

/** Why a task waits: for the customer, or for parts (the clock stops meanwhile). */
export const PAUSE_REASONS = ['customer', 'parts'] as const;
export type PauseReason = (typeof PAUSE_REASONS)[number];

/** Who raised a complaint: a member (in chat or through the web form of a signed-in user) or an API client. */
export type Reporter =
  | { readonly kind: 'member'; readonly memberId: MemberId; readonly name: string }
  | { readonly kind: 'api' };

/** A person acting on a complaint or task; absent id when an API client acted. */
export type Actor = { readonly memberId?: MemberId; readonly name?: string };

/** One status change, kept in the document's bounded history (who, when, from, to). */
export type StatusEntry<S extends string> = {
  readonly at: Date;
  readonly from?: S;
  readonly to: S;
  readonly by: Actor;
  /** What the person typed with the change (a return's reason, a close's note), as typed. */
  readonly note?: string;
  /** A pause's cause, as data. */
  readonly pause?: PauseReason;
};

/** What a complaint shows of its order and contract (the order is read once, when the complaint is raised). */
export type OrderSummary = {
  readonly id: OrderId;
  readonly number: string;
  readonly items?: string;
  readonly amount: number;
  readonly contractNo: string;
  readonly signedAt: Date;
};

export type Complaint = {
  readonly id: ComplaintId;
  readonly orgId: OrgId;
  /** The short code people type (`TS-1001`). */
  readonly code: string;
  readonly customerId: CustomerId;
  readonly customerName: string;
  /** The customer's sales owner (the order's owner): sees the complaint, is told when it is resolved. */
  readonly customerOwnerId?: MemberId;
  readonly order: OrderSummary;
  readonly priority: Priority;
  /** As typed (设备故障, 物流 …). */
  readonly category: string;
  /** As typed. */
  readonly description: string;
  readonly reporter: Reporter;
  readonly status: ComplaintStatus;
  /** How many times it was assigned: the key of its current task (one task per assignment). */
  readonly round: number;
  readonly assigneeId?: MemberId;
  readonly assigneeName?: string;
  readonly assignedBy?: Actor;
  readonly assignedAt?: Date;
  /** Set by the assignment, cleared once the task is worked on: the sweep completes a task a crash left unwritten. */
  readonly taskPendingAt?: Date;
  readonly resolvedAt?: Date;
  readonly requestKey?: string;
  readonly history: readonly StatusEntry<ComplaintStatus>[];
  readonly version: number;
  readonly createdAt: Date;
};

export type HoursReport = {
  /** When the work was actually finished, as reported. */
  readonly completedAt: Date;
  readonly hours: number;
  /** What was done, as typed. */
  readonly result: string;
  readonly reportedAt: Date;
};

export type HoursApproval = {
  readonly hours: number;
  readonly by: Actor;
  readonly at: Date;
  /** The manager set other hours than reported (调整工时). */
  readonly adjusted: boolean;
};

export type Pause = { readonly at: Date; readonly until?: Date; readonly reason: PauseReason };

/** The SLA's next step: remind the assignee (75 % of the time), then tell the manager (the due time). */
export type SlaStep = 'remind' | 'due';

export type Task = {
  readonly id: TaskId;
  readonly orgId: OrgId;
  /** `T-1001` for the first assignment of complaint `TS-1001`, `T-1001-2` for the second. */
  readonly code: string;
  readonly complaintId: ComplaintId;
  readonly complaintCode: string;
  readonly round: number;
  readonly customerId: CustomerId;
  readonly customerName: string;
  readonly customerOwnerId?: MemberId;
  readonly reporterId?: MemberId;
  /** The complaint's description as typed, copied at assignment: the task card says what the problem is. */
  readonly problem?: string;
  readonly priority: Priority;
  readonly assigneeId: MemberId;
  readonly assigneeName: string;
  /** Who approves and is told at the due time: the assigning manager, else every after-sales manager. */
  readonly managerIds: readonly MemberId[];
  readonly status: TaskStatus;
  readonly assignedAt: Date;
  /** The required completion time, moved on by every pause (paused time does not count). */
  readonly dueAt: Date;
  readonly remindAt: Date;
  readonly slaStep?: SlaStep;
  /** When the SLA step is due; absent while paused, in review or done (the sweep's index). */
  readonly slaDueAt?: Date;
  readonly remindedAt?: Date;
  readonly dueNotifiedAt?: Date;
  readonly pausedAt?: Date;
  readonly pausedMs: number;
  readonly pauses: readonly Pause[];
  readonly report?: HoursReport;
  readonly approval?: HoursApproval;
  /** Finished after its due time (paused time excluded); set on approval. */
  readonly overdue?: boolean;
  readonly history: readonly StatusEntry<TaskStatus>[];
  readonly version: number;
  readonly createdAt: Date;
};

/** An order as after-sales reads it, with its customer's name. */
export type AfterSalesOrder = OrderSummary & {
  readonly customerId: CustomerId;
  readonly customerName: string;
  readonly ownerId?: MemberId;
  readonly ownerName?: string;
};

/** The bound of every history: the newest entries are kept. */
export const HISTORY_LIMIT = 50;

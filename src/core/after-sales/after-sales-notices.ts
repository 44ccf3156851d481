import type { MemberId, TeamId } from '../shared/ids.js';
import type { Notice, NoticeRecipient } from '../shared/notices.js';
import type {
  Complaint,
  ComplaintStatus,
  PauseReason,
  Priority,
  Task,
  TaskStatus,
} from './after-sales-types.js';

/** What a complaint's card shows: the complaint, its order and contract, and where it stands. */
export type ComplaintCardData = {
  readonly complaintId: string;
  readonly code: string;
  readonly status: ComplaintStatus;
  readonly priority: Priority;
  readonly category: string;
  readonly description: string;
  readonly customerName: string;
  readonly orderNumber: string;
  readonly orderItems?: string;
  readonly contractNo: string;
  /** ISO times. */
  readonly signedAt: string;
  readonly createdAt: string;
  readonly assigneeName?: string;
  readonly taskCode?: string;
  /** The time the priority allows (the org's settings), shown until a task's due time is known. */
  readonly slaHours?: number;
  /** The task's required completion time (ISO), once assigned. */
  readonly dueAt?: string;
  /** The staff it can go to, with their open task counts: one assign button each (only while 待分配). */
  readonly assignees?: readonly ComplaintAssignee[];
};

export type ComplaintAssignee = {
  readonly memberId: MemberId;
  readonly name: string;
  readonly openTasks: number;
};

/** Where the complaint centre's card is shown: the after-sales team's channel and each after-sales manager's DM. */
export type ComplaintCentre = { readonly teamId?: TeamId; readonly managerIds: readonly MemberId[] };

/** Why a task card is sent: assigned, the 75 % reminder, the due time, hours to review, returned, approved. */
export type TaskMoment = 'assigned' | 'remind' | 'due' | 'review' | 'returned' | 'approved';

export type TaskCardData = {
  readonly taskId: string;
  readonly code: string;
  readonly complaintCode: string;
  readonly moment: TaskMoment;
  readonly status: TaskStatus;
  readonly priority: Priority;
  readonly customerName: string;
  readonly assigneeId: MemberId;
  readonly assigneeName: string;
  /** Who decides on the hours: the card shows them the approval buttons. */
  readonly managerIds: readonly MemberId[];
  /** The complaint as typed: what the problem is. */
  readonly problem?: string;
  /** ISO times. */
  readonly dueAt: string;
  /** When the moment happened (the reminder, the due time, the step): "还剩 1 小时" is counted from it. */
  readonly at: string;
  readonly paused: boolean;
  readonly pauseReason?: PauseReason;
  readonly approvedByName?: string;
  readonly reportedHours?: number;
  readonly completedAt?: string;
  readonly result?: string;
  readonly approvedHours?: number;
  readonly overdue?: boolean;
  /** A return's reason, as typed. */
  readonly note?: string;
};

declare module '../shared/notices.js' {
  interface NoticeDataByKind {
    'after_sales.complaint': ComplaintCardData;
    'after_sales.task': TaskCardData;
  }
}

export function complaintCardData(
  c: Complaint,
  more: Pick<ComplaintCardData, 'taskCode' | 'slaHours' | 'dueAt' | 'assignees'> = {},
): ComplaintCardData {
  return {
    complaintId: c.id,
    code: c.code,
    status: c.status,
    priority: c.priority,
    category: c.category,
    description: c.description,
    customerName: c.customerName,
    orderNumber: c.order.number,
    ...(c.order.items !== undefined ? { orderItems: c.order.items } : {}),
    contractNo: c.order.contractNo,
    signedAt: c.order.signedAt.toISOString(),
    createdAt: c.createdAt.toISOString(),
    ...(c.assigneeName !== undefined ? { assigneeName: c.assigneeName } : {}),
    ...more,
  };
}

/** When a moment happened: the SLA's steps carry their own time, every other moment is the task's last step. */
function momentAt(t: Task, moment: TaskMoment): Date {
  if (moment === 'remind') return t.remindedAt ?? t.remindAt;
  if (moment === 'due') return t.dueNotifiedAt ?? t.dueAt;
  return t.history.at(-1)?.at ?? t.assignedAt;
}

export function taskCardData(t: Task, moment: TaskMoment): TaskCardData {
  const note = moment === 'returned' ? t.history.at(-1)?.note : undefined;
  const pause = t.status === 'paused' ? t.pauses.at(-1)?.reason : undefined;
  return {
    taskId: t.id,
    code: t.code,
    complaintCode: t.complaintCode,
    moment,
    status: t.status,
    priority: t.priority,
    customerName: t.customerName,
    assigneeId: t.assigneeId,
    assigneeName: t.assigneeName,
    managerIds: t.managerIds,
    ...(t.problem !== undefined ? { problem: t.problem } : {}),
    dueAt: t.dueAt.toISOString(),
    at: momentAt(t, moment).toISOString(),
    paused: t.status === 'paused',
    ...(pause ? { pauseReason: pause } : {}),
    ...(t.report
      ? {
          reportedHours: t.report.hours,
          completedAt: t.report.completedAt.toISOString(),
          result: t.report.result,
        }
      : {}),
    ...(t.approval ? { approvedHours: t.approval.hours } : {}),
    ...(t.approval?.by.name ? { approvedByName: t.approval.by.name } : {}),
    ...(t.overdue !== undefined ? { overdue: t.overdue } : {}),
    ...(note !== undefined ? { note } : {}),
  };
}

export const complaintCardKey = (c: Pick<Complaint, 'id'>) => `complaint:${c.id}`;
export const taskCardKey = (t: Pick<Task, 'id'>) => `task:${t.id}`;
const member = (memberId: MemberId): NoticeRecipient => ({ kind: 'member', memberId });

/**
 * A new complaint: the centre's card in the after-sales team's channel and in every after-sales manager's DM, all
 * under one card key, so the update after the assignment redraws every copy in place.
 */
export function complaintRaisedNotices(
  c: Complaint,
  centre: ComplaintCentre,
  more: Pick<ComplaintCardData, 'slaHours' | 'assignees'> = {},
): Notice[] {
  const data = complaintCardData(c, more);
  const key = complaintCardKey(c);
  const post = (to: NoticeRecipient, idempotencyKey: string): Notice => ({
    kind: 'after_sales.complaint',
    ...{ to, cardKey: key, mode: 'post', idempotencyKey, data, seq: c.version },
  });
  return [
    ...(centre.teamId ? [post({ kind: 'team', teamId: centre.teamId }, `${key}:raised`)] : []),
    ...[...new Set(centre.managerIds)].map((id) => post(member(id), `${key}:raised:${id}`)),
  ];
}

/** The centre's card, updated in place wherever it was posted (the outbox finds every copy by the card key). */
export function complaintUpdateNotices(
  c: Complaint,
  centre: ComplaintCentre,
  task?: { readonly code: string; readonly dueAt: Date },
): Notice[] {
  // An update is delivered to every message sent under the card key; `to` only names one of those places.
  const manager = centre.managerIds[0];
  const to: NoticeRecipient | undefined = centre.teamId
    ? { kind: 'team', teamId: centre.teamId }
    : manager
      ? member(manager)
      : undefined;
  if (!to) return [];
  const more = task ? { taskCode: task.code, dueAt: task.dueAt.toISOString() } : {};
  return [
    {
      kind: 'after_sales.complaint',
      to,
      cardKey: complaintCardKey(c),
      mode: 'update',
      idempotencyKey: `${complaintCardKey(c)}:v${c.version}:update`,
      // The complaint's version orders the card's contents: the outbox brings queued copies up to it in the same
      // one bulk write (without it, an update costs a second command to find what it supersedes).
      seq: c.version,
      data: complaintCardData(c, more),
    },
  ];
}

/** Who a task's moment is told to: the assignee, the managers, or (approved) everyone who cares. */
function recipientsOf(t: Task, moment: TaskMoment): MemberId[] {
  switch (moment) {
    // The reminder is a new message to the assignee ("还剩 1 小时"), not a redraw of the card already shown: a
    // redraw notifies nobody (Slack's chat.update is silent) and on WeCom cannot happen at all once the card's
    // one-time response code is spent by 开始处理. One per task, so it stays quiet.
    case 'assigned':
    case 'returned':
    case 'remind':
      return [t.assigneeId];
    case 'due':
    case 'review':
      return [...t.managerIds];
    case 'approved':
      return [t.assigneeId, t.customerOwnerId, t.reporterId].filter((id): id is MemberId => id !== undefined);
  }
}

/**
 * The task's cards for one moment: a new card for each person told, and every card already shown redrawn in place
 * (the assignee's card shows 已到期, the approval card the decision). Keyed by the task's version, so publishing the
 * same moment again (a retry, a sweep) sends nothing twice.
 */
export function taskNotices(t: Task, moment: TaskMoment): Notice[] {
  const data = taskCardData(t, moment);
  // The assignment is the task's first version, whatever version a retry or the sweep finds it at.
  const version = moment === 'assigned' ? 1 : t.version;
  const posts: Notice[] = [...new Set(recipientsOf(t, moment))].map((id) => ({
    kind: 'after_sales.task',
    to: member(id),
    cardKey: taskCardKey(t),
    mode: 'post',
    idempotencyKey: `${taskCardKey(t)}:v${version}:${moment}:${id}`,
    seq: version,
    data,
  }));
  // A reminder changes nothing on the task: the card already shown stays as it is; the new message is the reminder.
  return moment === 'assigned' || moment === 'remind' ? posts : [...posts, taskUpdateNotice(t, moment)];
}

/**
 * The task's card redrawn wherever it was shown (the assignee's DM, the managers' approval cards), as the task moved
 * on (started, paused, resumed, the due time, the decision); `seq` keeps an older redraw from replacing a newer one.
 */
export function taskUpdateNotice(t: Task, moment: TaskMoment = 'assigned'): Notice {
  return {
    kind: 'after_sales.task',
    to: member(t.assigneeId),
    cardKey: taskCardKey(t),
    mode: 'update',
    idempotencyKey: `${taskCardKey(t)}:v${t.version}:update`,
    seq: t.version,
    data: taskCardData(t, moment),
  };
}

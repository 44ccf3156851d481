import type {
  ComplaintStatus,
  PauseReason,
  Priority,
  TaskMoment,
  TaskStatus,
} from '../../core/after-sales/index.js';

/** The complaint centre's and the task cards' words (the chat commands come with the next part of issue #13). */
export type AfterSalesTexts = {
  readonly complaintTitle: (code: string, customer: string) => string;
  readonly taskTitle: (moment: TaskMoment, code: string) => string;
  readonly complaintStatuses: Readonly<Record<ComplaintStatus, string>>;
  readonly taskStatuses: Readonly<Record<TaskStatus, string>>;
  readonly priorities: Readonly<Record<Priority, string>>;
  readonly pauseReasons: Readonly<Record<PauseReason, string>>;
  readonly fields: {
    readonly priority: string;
    readonly category: string;
    readonly order: string;
    readonly contract: string;
    readonly signedAt: string;
    readonly assignee: string;
    readonly task: string;
    readonly customer: string;
    readonly dueAt: string;
    readonly reportedHours: string;
    readonly approvedHours: string;
    readonly completedAt: string;
    readonly result: string;
    readonly returnReason: string;
  };
  readonly overdue: string;
  readonly onTime: string;
  readonly paused: string;
  readonly hours: (hours: number) => string;
};

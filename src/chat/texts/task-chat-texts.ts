import type { PauseReason } from '../../core/after-sales/index.js';

/** The parts of an hours report the guided exchange asks for, one at a time. */
export type HoursPart = 'task' | 'completedAt' | 'hours' | 'result';

/** The task side of after-sales in chat: the task card's words and buttons, /工时, the approval, /我的任务. */
export type TaskChatTexts = {
  readonly cardTitle: (code: string, customer: string) => string;
  /** How long is left, or how late: "还剩 1 小时 30 分", "已逾期 2 小时". */
  readonly left: (duration: string) => string;
  readonly late: (duration: string) => string;
  readonly dueNow: string;
  readonly duration: (ms: number) => string;
  readonly pausedFor: (reason: PauseReason) => string;
  readonly inReview: (hours: string) => string;
  readonly returned: string;
  readonly approvedBy: (hours: string, by: string | undefined, overdue: boolean) => string;
  readonly problem: string;
  readonly buttons: {
    readonly start: string;
    readonly report: string;
    readonly pause: Readonly<Record<PauseReason, string>>;
    readonly resume: string;
    readonly approve: (hours: string) => string;
    readonly adjust: string;
    readonly return: string;
  };
  readonly started: (code: string) => string;
  readonly paused: (code: string, reason: PauseReason) => string;
  readonly resumed: (code: string, due: string) => string;
  readonly hours: {
    readonly ask: Readonly<Record<HoursPart, string>>;
    readonly notUnderstood: Readonly<Record<HoursPart, string>>;
    /** The 填报工时 button on a text platform: a filled example of the line, before the first question. */
    readonly example: (code: string) => string;
    readonly submitted: (code: string, when: string, hours: string) => string;
  };
  readonly form: {
    readonly title: (code: string) => string;
    readonly submit: string;
    readonly completedAt: string;
    readonly completedAtHint: string;
    readonly hours: string;
    readonly hoursHint: string;
    readonly result: string;
    readonly required: string;
    readonly badTime: string;
    readonly timeAhead: string;
    readonly badHours: string;
    readonly adjustTitle: (code: string) => string;
    readonly returnTitle: (code: string) => string;
    readonly reason: string;
  };
  readonly decision: {
    readonly askHours: string;
    readonly askReason: string;
    readonly badHours: string;
    readonly approved: (code: string, hours: string, overdue: boolean) => string;
    readonly returned: (code: string) => string;
  };
  readonly list: {
    readonly mine: (count: number) => string;
    readonly team: (count: number) => string;
    readonly none: string;
    readonly noneInTeam: string;
    readonly line: (parts: {
      code: string;
      customer: string;
      due: string;
      status: string;
      assignee?: string;
      late: boolean;
    }) => string;
  };
};

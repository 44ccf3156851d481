import type { OffboardingErrorCode } from '../../core/offboarding/index.js';
import type { ErrorDetails } from '../../core/shared/errors.js';

/** The offboarding cards: the receiver's hand-over card, the admin's confirmation and result, and the refusals. */
export type OffboardingTexts = {
  /** "张伟离职，12 条线索已交接给你" */
  readonly handedOverTitle: (leaver: string, leads: number, tasks: number, toPool: boolean) => string;
  readonly leadsListed: string;
  readonly tasksListed: string;
  readonly important: string;
  readonly more: (count: number) => string;
  /** "确认：张伟离职，28 条线索交给李娜，3 个任务交给许亮？" */
  readonly confirm: (p: {
    leaver: string;
    leads: number;
    receiver?: string;
    tasks: number;
    tasksTo?: string;
  }) => string;
  readonly confirmButton: string;
  readonly cancelButton: string;
  readonly cancelled: (leaver: string) => string;
  readonly done: (p: {
    leaver: string;
    leads: number;
    receiver?: string;
    tasks: number;
    tasksTo?: string;
    tasksLeft: number;
    tokens: number;
    identities: number;
    resumed: boolean;
  }) => string;
  readonly usage: string;
  /** Several active members have the typed name. */
  readonly whichOne: (name: string) => string;
  readonly errors: Readonly<Record<OffboardingErrorCode, (d: ErrorDetails) => string>>;
};

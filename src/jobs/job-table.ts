import type { AgendaRuns, DueLeadsReader } from '../core/follow-ups/index.js';
import { runContactPlan } from '../core/follow-ups/run-contact-plan.js';
import { type AgendaDeps, sendMorningAgenda } from '../core/follow-ups/send-morning-agenda.js';
import {
  type LeadNoticeSweep,
  NOTICE_SWEEP_INTERVAL_MS,
  sweepLeadNotices,
} from '../core/leads/sweep-lead-notices.js';
import { type DeadlineDeps, runLeadDeadlines } from '../core/pools/run-lead-deadlines.js';
import type { JobDefinition } from './job-definition.js';

/** Ladder steps are due to the minute; a run a minute reads only leads whose step is due (indexed). */
export const DEADLINE_INTERVAL_MS = 60_000;

export type LeadJobDeps = DeadlineDeps & {
  /** The morning agenda's reads: the due lists (one aggregation per org), members, and the done-markers. */
  readonly dueLeads: DueLeadsReader;
  readonly members: AgendaDeps['members'];
  readonly agendaRuns: AgendaRuns;
  /** Delivers what is due in the outbox (the chat side's single-flight pump). */
  readonly deliverOutbox: () => Promise<void>;
  readonly outboxIntervalMs: number;
  readonly noticeSweep: LeadNoticeSweep;
};

/**
 * The job table of the lead side: name, interval and what each runs, in the order the sandbox clock runs them
 * (deliver first, so a deadline's cards are sent by the same `runJobs`' next turn). A new domain adds its own list.
 */
export function leadJobs(deps: LeadJobDeps): JobDefinition[] {
  // The org-days whose agenda this process has seen done: each marker is read once per process.
  const agendaDone = new Set<string>();
  return [
    { name: 'outbox.deliver', intervalMs: deps.outboxIntervalMs, run: deps.deliverOutbox },
    {
      name: 'leads.deadlines',
      intervalMs: DEADLINE_INTERVAL_MS,
      run: async () => {
        await runLeadDeadlines(deps);
      },
    },
    {
      // Reminders and escalations are due to the minute, like the ladder; the run reads only what is due.
      name: 'follow-ups.contact-plan',
      intervalMs: DEADLINE_INTERVAL_MS,
      run: async () => {
        await runContactPlan(deps);
      },
    },
    {
      // Each org's agenda goes at its own local time: checked every minute, sent once per org and day.
      name: 'follow-ups.morning-agenda',
      intervalMs: DEADLINE_INTERVAL_MS,
      run: async () => {
        await sendMorningAgenda({ ...deps, leads: deps.dueLeads, runs: deps.agendaRuns }, agendaDone);
      },
    },
    {
      name: 'leads.notice-sweep',
      intervalMs: NOTICE_SWEEP_INTERVAL_MS,
      run: async () => {
        await sweepLeadNotices({ leads: deps.noticeSweep, notifier: deps.notifier, clock: deps.clock });
      },
    },
  ];
}

/** Runs every job once, in table order: what the sandbox clock does after it moves. */
export function runJobsOnce(jobs: readonly JobDefinition[]): () => Promise<void> {
  return async () => {
    for (const job of jobs) await job.run();
  };
}

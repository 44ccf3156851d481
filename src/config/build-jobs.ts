import type { Logger } from 'pino';
import { makeChatExport } from '../chat/exports/make-chat-export.js';
import type { Clock } from '../core/shared/clock.js';
import { afterSalesJobs } from '../jobs/after-sales-jobs.js';
import { customerJobs } from '../jobs/customer-jobs.js';
import { exportJobs } from '../jobs/export-jobs.js';
import { leadJobs, runJobsOnce } from '../jobs/job-table.js';
import { reportJobs } from '../jobs/report-jobs.js';
import { mongoAgendaRuns } from '../storage/repositories/agenda-runs.js';
import { mongoDigestRuns } from '../storage/repositories/digest-runs.js';
import type { Chat } from './build-chat.js';
import type { Storage } from './build-storage.js';

/** The scheduled jobs over this app's storage and outbox; main hands `jobs` to Agenda, the sandbox runs `runJobs`. */
export function buildJobs(
  storage: Storage,
  chat: Pick<Chat, 'outboxPump' | 'notifier'>,
  deps: { readonly clock: Clock; readonly outboxIntervalMs: number; readonly log: Logger },
) {
  const { leads, roster, conversion, orgs, teams, customers, orders, pendingCustomers, members } =
    storage.repos;
  const customerSide = {
    customers,
    orders,
    pendingCustomers,
    members,
    notifier: chat.notifier,
    clock: deps.clock,
  };
  const jobs = [
    ...leadJobs({
      leads,
      dueLeads: leads,
      members,
      agendaRuns: mongoAgendaRuns(storage.models),
      roster,
      conversion,
      orgs,
      teams,
      notifier: chat.notifier,
      clock: deps.clock,
      noticeSweep: storage.noticeSweep,
      deliverOutbox: () => chat.outboxPump.runNow(),
      outboxIntervalMs: deps.outboxIntervalMs,
    }),
    ...customerJobs(customerSide),
    ...afterSalesJobs({
      tasks: storage.repos.tasks,
      complaints: storage.repos.complaints,
      orgs,
      notifier: chat.notifier,
      clock: deps.clock,
    }),
    ...reportJobs({
      ...{ reports: storage.repos.reports, campaigns: storage.repos.campaigns, teams, members, orgs },
      ...{ afterSalesFigures: storage.repos.afterSalesFigures, runs: mongoDigestRuns(storage.models) },
      ...{ notifier: chat.notifier, clock: deps.clock },
    }),
    // `/导出`: the stored requests made into CSV files by the export use-case and sent to the member's DM.
    ...exportJobs({
      ...{
        requests: storage.repos.exportRequests,
        files: storage.repos.exportFiles,
        notifier: chat.notifier,
      },
      ...{ orgs, members, teams, clock: deps.clock, log: deps.log },
      makeExport: makeChatExport({ source: storage.repos.exportSource, members, teams, clock: deps.clock }),
    }),
  ];
  return { jobs, runJobs: runJobsOnce(jobs) };
}

export type Jobs = ReturnType<typeof buildJobs>;

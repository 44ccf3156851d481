import { type DigestDeps, sendWeeklyDigests } from '../core/reports/index.js';
import type { JobDefinition } from './job-definition.js';

/** The digest's slot is a minute of the org's week; a run a minute costs only the orgs read until one is due. */
export const DIGEST_INTERVAL_MS = 60_000;

/** The reports domain's job list, for the job table: the weekly digest (周报). */
export function reportJobs(deps: DigestDeps): JobDefinition[] {
  // The org-weeks whose digest this process has seen done: each marker is asked about once per process.
  const done = new Set<string>();
  return [
    {
      // Each org's digest goes at its own weekday and local time: checked every minute, sent once per org and week.
      name: 'reports.weekly-digest',
      intervalMs: DIGEST_INTERVAL_MS,
      run: async () => {
        await sendWeeklyDigests(deps, done);
      },
    },
  ];
}

import type { ServiceMetrics } from '../metrics/service-metrics.js';
import type { JobDefinition } from './job-definition.js';

/**
 * The job table with each run counted and timed (leadrelay_job_runs_total, leadrelay_job_duration_seconds). Agenda
 * and the sandbox clock run the same wrapped functions; a failing run is counted and its error passed on unchanged.
 */
export function measuredJobs(
  jobs: readonly JobDefinition[],
  metrics: Pick<ServiceMetrics, 'jobRuns' | 'jobDuration'>,
): JobDefinition[] {
  return jobs.map((job) => ({
    ...job,
    run: async () => {
      const stop = metrics.jobDuration.startTimer({ job: job.name });
      let outcome = 'error';
      try {
        await job.run();
        outcome = 'ok';
      } finally {
        stop();
        metrics.jobRuns.inc({ job: job.name, outcome });
      }
    },
  }));
}

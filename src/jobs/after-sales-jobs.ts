import { runTaskSla, type TaskSlaDeps } from '../core/after-sales/run-task-sla.js';
import type { JobDefinition } from './job-definition.js';

/** SLA steps are due to the minute; a run a minute reads only the tasks whose step is due (indexed `slaDueAt`). */
export const TASK_SLA_INTERVAL_MS = 60_000;

/**
 * The after-sales job list, for the job table: the SLA sweep (75 % reminder, due-time notice) and, in the same run,
 * the completion of assignments a crash left without their task.
 */
export function afterSalesJobs(deps: TaskSlaDeps): JobDefinition[] {
  return [
    {
      name: 'after-sales.task-sla',
      intervalMs: TASK_SLA_INTERVAL_MS,
      run: async () => {
        await runTaskSla(deps);
      },
    },
  ];
}

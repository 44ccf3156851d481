import { MongoBackend } from '@agendajs/mongo-backend';
import { Agenda } from 'agenda';
import type { Db } from 'mongodb';
import type { JobDefinition } from './job-definition.js';

export type Scheduler = {
  /** True once Agenda has started and until it is stopped; /readyz reports it. */
  isRunning(): boolean;
  /** Lets running jobs finish (up to the timeout), then stops polling. */
  stop(timeoutMs: number): Promise<void>;
};

const JOBS_COLLECTION = 'agenda_jobs';

type Log = { info(obj: object, msg: string): void; error(obj: object, msg: string): void };

/**
 * All Agenda wiring lives here. Each job is an Agenda "every" job: one shared document per name, locked by whichever
 * instance runs it, so two instances never run the same sweep at once.
 */
export async function startScheduler(db: Db, jobs: readonly JobDefinition[], log: Log): Promise<Scheduler> {
  const agenda = new Agenda({
    backend: new MongoBackend({ mongo: db, collection: JOBS_COLLECTION }),
    // Numbers, not strings: agenda 6 misreads '500 milliseconds' as minutes.
    processEvery: Math.max(100, Math.min(...jobs.map((job) => job.intervalMs), 1_000)),
    defaultLockLifetime: 5 * 60_000,
  });
  agenda.on('error', (error) => log.error({ err: error }, 'agenda error'));
  for (const job of jobs) {
    // A sweep must never overlap itself: one run at a time per process, and the job's lock keeps other processes out.
    agenda.define(
      job.name,
      async () => {
        await job.run();
      },
      { concurrency: 1, lockLimit: 1 },
    );
  }
  await agenda.start();
  for (const job of jobs) {
    // Re-saving a running "every" job clears its lock, which would let this instance start it while another
    // instance is mid-run; so schedule only when it is missing or its interval changed.
    const existing = await db.collection(JOBS_COLLECTION).findOne({ name: job.name, type: 'single' });
    if (existing?.repeatInterval !== job.intervalMs) await agenda.every(job.intervalMs, job.name);
  }
  let running = true;
  log.info({ jobs: jobs.map((job) => job.name) }, 'scheduler started');
  return {
    isRunning: () => running,
    async stop(timeoutMs: number) {
      running = false;
      await agenda.drain({ timeout: timeoutMs, closeConnection: false });
    },
  };
}

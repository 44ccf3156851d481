/**
 * Runs `task` soon, at most once at a time: a trigger while it runs schedules exactly one more run. Used to deliver
 * new outbox messages at once instead of waiting for the next poll.
 */
export function singleFlight(task: () => Promise<unknown>, onError: (error: unknown) => void) {
  let running: Promise<void> | undefined;
  let again = false;
  const run = (): Promise<void> => {
    running = (async () => {
      do {
        again = false;
        await task().catch(onError);
      } while (again);
    })().finally(() => {
      running = undefined;
    });
    return running;
  };
  return {
    trigger(): void {
      if (running) again = true;
      else void run();
    },
    /** Resolves when no run is in progress (shutdown and the sandbox use it). */
    async idle(): Promise<void> {
      while (running) await running;
    },
    /** Runs now (or after the current run) and resolves when done. */
    async runNow(): Promise<void> {
      if (running) {
        again = true;
        await this.idle();
      } else await run();
    },
  };
}

/**
 * Work a webhook started after it acknowledged the platform (the platform needs its answer within seconds, the
 * handler may take longer). Every such task is tracked so a graceful shutdown can wait for it instead of cutting
 * a click off half-way; a failure is logged, never thrown into the request that started it.
 */
export type BackgroundWork = {
  /** Starts `task` now and tracks it until it settles. */
  run(task: () => Promise<unknown>): void;
  /** How many tasks are still running. */
  pending(): number;
  /** Resolves when every task started so far (and any they start) has settled. */
  idle(): Promise<void>;
};

export function backgroundWork(onError: (error: unknown) => void): BackgroundWork {
  const running = new Set<Promise<void>>();
  return {
    run(task) {
      const settled: Promise<void> = Promise.resolve()
        .then(task)
        .then(
          () => undefined,
          (error: unknown) => onError(error),
        )
        .finally(() => running.delete(settled));
      running.add(settled);
    },
    pending: () => running.size,
    async idle() {
      while (running.size > 0) await Promise.all([...running]);
    },
  };
}

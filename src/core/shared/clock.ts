// Every use-case and job reads time from a Clock, never from `new Date()`, so tests and the sandbox can move time.
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that runs with real time but can be moved forward (the sandbox's clock control, tests). */
export interface AdjustableClock extends Clock {
  advance(ms: number): Date;
  offsetMs(): number;
}

export function adjustableClock(base: Clock = systemClock, initialOffsetMs = 0): AdjustableClock {
  let offset = initialOffsetMs;
  return {
    now: () => new Date(base.now().getTime() + offset),
    advance(ms: number) {
      if (!Number.isFinite(ms) || ms < 0) throw new Error(`clock can only move forward, got ${ms} ms`);
      offset += ms;
      return new Date(base.now().getTime() + offset);
    },
    offsetMs: () => offset,
  };
}

/** A clock frozen at a given instant; `set`/`advance` move it. For unit tests. */
export function fixedClock(start: Date): AdjustableClock & { set(d: Date): void } {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    advance(ms: number) {
      if (!Number.isFinite(ms) || ms < 0) throw new Error(`clock can only move forward, got ${ms} ms`);
      current += ms;
      return new Date(current);
    },
    offsetMs: () => current - start.getTime(),
    set(d: Date) {
      current = d.getTime();
    },
  };
}

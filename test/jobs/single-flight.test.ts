import { describe, expect, it, vi } from 'vitest';
import { singleFlight } from '../../src/jobs/single-flight.js';

/** A task whose runs stay open until the test releases them, one by one. */
function gatedTask() {
  const releases: (() => void)[] = [];
  let started = 0;
  let finished = 0;
  let active = 0;
  let maxActive = 0;
  const task = async () => {
    started++;
    active++;
    maxActive = Math.max(maxActive, active);
    await new Promise<void>((resolve) => releases.push(resolve));
    active--;
    finished++;
  };
  const releaseNext = async () => {
    // Let the run that is due start before releasing it.
    for (let i = 0; i < 20 && releases.length === 0; i++) await new Promise((r) => setTimeout(r, 1));
    releases.shift()?.();
    await new Promise((r) => setTimeout(r, 1));
  };
  return {
    task,
    releaseNext,
    stats: () => ({ started, finished, maxActive, waiting: releases.length }),
  };
}

const tick = () => new Promise((r) => setTimeout(r, 5));

describe('singleFlight', () => {
  it('starts a run at once when triggered while idle', async () => {
    const task = vi.fn(async () => {});
    const flight = singleFlight(task, () => {});
    flight.trigger();
    expect(task).toHaveBeenCalledTimes(1);
    await flight.idle();
  });

  it('schedules exactly one more run when triggered (several times) while running, never two at once', async () => {
    const gate = gatedTask();
    const flight = singleFlight(gate.task, () => {});
    flight.trigger();
    await tick();
    flight.trigger();
    flight.trigger();
    flight.trigger();
    expect(gate.stats().started).toBe(1);
    await gate.releaseNext();
    await gate.releaseNext();
    await flight.idle();
    await tick();
    expect(gate.stats()).toMatchObject({ started: 2, finished: 2, maxActive: 1, waiting: 0 });
  });

  it('runs again when triggered after the previous run finished', async () => {
    const task = vi.fn(async () => {});
    const flight = singleFlight(task, () => {});
    flight.trigger();
    await flight.idle();
    flight.trigger();
    await flight.idle();
    expect(task).toHaveBeenCalledTimes(2);
  });

  it('makes runNow wait until its run is done', async () => {
    let done = false;
    const flight = singleFlight(
      async () => {
        await tick();
        done = true;
      },
      () => {},
    );
    await flight.runNow();
    expect(done).toBe(true);
  });

  it('makes runNow during a run wait for a further full run, so work enqueued meanwhile is covered', async () => {
    const gate = gatedTask();
    const flight = singleFlight(gate.task, () => {});
    flight.trigger();
    await tick();
    let resolved = false;
    const waiting = flight.runNow().then(() => {
      resolved = true;
    });
    await gate.releaseNext();
    expect(resolved).toBe(false);
    expect(gate.stats().started).toBe(2);
    await gate.releaseNext();
    await waiting;
    expect(gate.stats()).toMatchObject({ started: 2, finished: 2 });
  });

  it('passes a failing run’s error to onError and keeps working afterwards', async () => {
    const errors: unknown[] = [];
    const boom = new Error('boom');
    let calls = 0;
    const flight = singleFlight(
      async () => {
        calls++;
        if (calls === 1) throw boom;
      },
      (error) => errors.push(error),
    );
    await expect(flight.runNow()).resolves.toBeUndefined();
    expect(errors).toEqual([boom]);
    await flight.runNow();
    expect(calls).toBe(2);
    expect(errors).toHaveLength(1);
  });

  it('resolves idle at once when nothing runs', async () => {
    const flight = singleFlight(
      async () => {},
      () => {},
    );
    await expect(flight.idle()).resolves.toBeUndefined();
  });
});

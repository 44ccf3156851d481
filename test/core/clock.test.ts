import { describe, expect, it } from 'vitest';
import { adjustableClock, type Clock, fixedClock } from '../../src/core/shared/clock.js';

const START = new Date('2025-03-01T08:00:00Z');

describe('adjustableClock', () => {
  it('runs with its base clock plus the offset when moved forward', () => {
    const base = fixedClock(START);
    const clock = adjustableClock(base);
    expect(clock.now()).toEqual(START);
    expect(clock.advance(5_000)).toEqual(new Date(START.getTime() + 5_000));
    base.advance(1_000);
    expect(clock.now()).toEqual(new Date(START.getTime() + 6_000));
    expect(clock.offsetMs()).toBe(5_000);
  });

  it('starts at the initial offset when given one', () => {
    const clock = adjustableClock(fixedClock(START), 60_000);
    expect(clock.now()).toEqual(new Date(START.getTime() + 60_000));
  });

  it('refuses to move backwards, or by a non-finite amount, and keeps its time when it refuses', () => {
    const clock = adjustableClock(fixedClock(START));
    expect(() => clock.advance(-1)).toThrow(/forward/);
    expect(() => clock.advance(Number.NaN)).toThrow();
    expect(() => clock.advance(Number.POSITIVE_INFINITY)).toThrow();
    expect(clock.now()).toEqual(START);
    expect(clock.offsetMs()).toBe(0);
  });

  it('follows real time when built on the system clock', () => {
    const clock: Clock = adjustableClock();
    const before = Date.now();
    const now = clock.now().getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });
});

describe('fixedClock', () => {
  it('stays frozen until advanced or set', async () => {
    const clock = fixedClock(START);
    const first = clock.now();
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(clock.now()).toEqual(first);
    expect(clock.advance(90_000)).toEqual(new Date(START.getTime() + 90_000));
    expect(clock.now()).toEqual(new Date(START.getTime() + 90_000));
    expect(clock.offsetMs()).toBe(90_000);
    const later = new Date('2025-04-01T00:00:00Z');
    clock.set(later);
    expect(clock.now()).toEqual(later);
    expect(clock.offsetMs()).toBe(later.getTime() - START.getTime());
  });

  it('returns a fresh Date each time, so a caller mutating one cannot move the clock', () => {
    const clock = fixedClock(START);
    clock.now().setTime(0);
    expect(clock.now()).toEqual(START);
  });
});

import { describe, expect, it } from 'vitest';
import {
  localMidnight,
  nearestRank,
  parsePeriodWord,
  parseReportInput,
  weekOf,
} from '../../../src/core/reports/index.js';
import { DomainError } from '../../../src/core/shared/errors.js';
import { zoneOffsetMs } from '../../../src/core/shared/zoned-time.js';

const SH = 'Asia/Shanghai';
// Wednesday 2026-12-02 09:30 in Shanghai.
const now = new Date('2026-12-02T01:30:00Z');
const iso = (p: { from: Date; to: Date } | undefined) => p && [p.from.toISOString(), p.to.toISOString()];

describe('report periods in the org’s time zone', () => {
  it('names weeks from Monday 00:00 local, and months by their first local day', () => {
    expect(iso(parsePeriodWord('本周', now, SH))).toEqual([
      '2026-11-29T16:00:00.000Z',
      '2026-12-06T16:00:00.000Z',
    ]);
    expect(iso(parsePeriodWord('上周', now, SH))).toEqual([
      '2026-11-22T16:00:00.000Z',
      '2026-11-29T16:00:00.000Z',
    ]);
    expect(iso(parsePeriodWord('本月', now, SH))).toEqual([
      '2026-11-30T16:00:00.000Z',
      '2026-12-31T16:00:00.000Z',
    ]);
    expect(iso(parsePeriodWord('上月', now, SH))).toEqual([
      '2026-10-31T16:00:00.000Z',
      '2026-11-30T16:00:00.000Z',
    ]);
    expect(iso(parsePeriodWord('2026-11', now, SH))).toEqual([
      '2026-10-31T16:00:00.000Z',
      '2026-11-30T16:00:00.000Z',
    ]);
    expect(iso(parsePeriodWord('this-week', now, SH))).toEqual(iso(weekOf(now, SH)));
    expect(parsePeriodWord('2026-13', now, SH)).toBeUndefined();
    expect(parsePeriodWord('soon', now, SH)).toBeUndefined();
  });

  it('crosses a year and a daylight-saving change by wall clock, not by adding 24 h', () => {
    expect(iso(parsePeriodWord('2026-12', now, SH))?.[1]).toBe('2026-12-31T16:00:00.000Z');
    // New York springs forward on 2026-03-08: that week is 167 hours long.
    const week = weekOf(new Date('2026-03-10T12:00:00Z'), 'America/New_York');
    expect(week.from.toISOString()).toBe('2026-03-09T04:00:00.000Z');
    expect(localMidnight(2026, 3, 8, 'America/New_York').toISOString()).toBe('2026-03-08T05:00:00.000Z');
    expect(zoneOffsetMs(now, SH)).toBe(8 * 3_600_000);
  });

  it('defaults to the current week; takes from/to; refuses both kinds at once, reversed or over a year', () => {
    expect(iso(parseReportInput({}, now, SH).period)).toEqual(iso(weekOf(now, SH)));
    const given = parseReportInput({ from: '2026-11-01T00:00:00Z', to: '2026-11-08T00:00:00Z' }, now, SH);
    expect(iso(given.period)).toEqual(['2026-11-01T00:00:00.000Z', '2026-11-08T00:00:00.000Z']);
    for (const bad of [
      { period: '本周', from: '2026-11-01T00:00:00Z' },
      { from: '2026-11-08T00:00:00Z', to: '2026-11-01T00:00:00Z' },
      { from: '2025-01-01T00:00:00Z', to: '2026-11-01T00:00:00Z' },
      { colour: 'red' },
    ])
      expect(() => parseReportInput(bad, now, SH)).toThrow(DomainError);
  });

  it('ranks percentiles by the nearest rank, the rule the pipelines use', () => {
    expect(nearestRank([], 0.5)).toBeUndefined();
    expect(nearestRank([3, 1, 55], 0.5)).toBe(3);
    expect(nearestRank([3, 1, 55], 0.9)).toBe(55);
    expect(nearestRank([1, 3], 0.5)).toBe(1);
  });
});

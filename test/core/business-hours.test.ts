import { describe, expect, it } from 'vitest';
import { ladderFrom } from '../../src/core/pools/ladder.js';
import { addBusinessHours } from '../../src/core/shared/business-hours.js';
import { nextLocalMidnight } from '../../src/core/shared/local-day.js';
import { makeOrg } from './fakes.js';

const WEEKDAYS_9_TO_18 = { days: [1, 2, 3, 4, 5], start: '09:00', end: '18:00' };
const shanghai = (iso: string) => new Date(`${iso}+08:00`);

describe('addBusinessHours', () => {
  it('counts working time only: Friday 17:00 + 2 h is Monday 10:00 (Shanghai)', () => {
    expect(addBusinessHours(shanghai('2026-11-27T17:00:00'), 2, WEEKDAYS_9_TO_18, 'Asia/Shanghai')).toEqual(
      shanghai('2026-11-30T10:00:00'),
    );
  });

  it('starts at opening time when given a time before it, and spans days', () => {
    expect(addBusinessHours(shanghai('2026-11-24T07:30:00'), 12, WEEKDAYS_9_TO_18, 'Asia/Shanghai')).toEqual(
      shanghai('2026-11-25T12:00:00'),
    );
  });

  it('turns 48 working hours from Monday 09:00 into the next Monday 12:00 (five 9-hour days, then 3 h)', () => {
    expect(addBusinessHours(shanghai('2026-11-23T09:00:00'), 48, WEEKDAYS_9_TO_18, 'Asia/Shanghai')).toEqual(
      shanghai('2026-11-30T12:00:00'),
    );
  });
});

describe('ladderFrom', () => {
  it('is 24/36/48 h by default and scales with a lead’s own period', () => {
    const org = makeOrg();
    const from = new Date('2026-11-26T00:00:00Z');
    const hoursAfter = (d: Date) => (d.getTime() - from.getTime()) / 3_600_000;
    const d = ladderFrom(org, from);
    expect([d.nudgeAt, d.managerAt, d.reclaimAt].map(hoursAfter)).toEqual([24, 36, 48]);
    const own = ladderFrom(org, from, 72);
    expect([own.nudgeAt, own.managerAt, own.reclaimAt].map(hoursAfter)).toEqual([36, 54, 72]);
  });
});

describe('nextLocalMidnight', () => {
  it('is the next midnight of the org, to the millisecond', () => {
    expect(nextLocalMidnight(shanghai('2026-11-26T20:15:00'), 'Asia/Shanghai')).toEqual(
      shanghai('2026-11-27T00:00:00'),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { DEFAULT_ORG_SETTINGS, type OrgSettings } from '../../../src/core/org/index.js';
import { digestDue, isoWeekOf } from '../../../src/core/reports/index.js';

// When the weekly digest is due: this local week's slot passed; it covers the previous week, Monday to Monday.
const org = (settings: Partial<OrgSettings> = {}) => ({ settings: { ...DEFAULT_ORG_SETTINGS, ...settings } });
// Monday 2026-11-30 09:00 in Shanghai is 01:00 UTC.
const MON_0900 = Date.UTC(2026, 10, 30, 1, 0);
const MIN = 60_000;

describe('digestDue', () => {
  it('is due from Monday 09:00 local, for the week before, named by its ISO week', () => {
    expect(digestDue(org(), new Date(MON_0900 - MIN))).toBeUndefined();
    const due = digestDue(org(), new Date(MON_0900));
    expect(due?.week).toBe('2026-W48');
    expect(due?.period.from.toISOString()).toBe('2026-11-22T16:00:00.000Z');
    expect(due?.period.to.toISOString()).toBe('2026-11-29T16:00:00.000Z');
    // Still the same week on Sunday night: one week, one marker.
    expect(digestDue(org(), new Date(MON_0900 + 6 * 24 * 60 * MIN + 14 * 60 * MIN))?.week).toBe('2026-W48');
  });

  it('follows the weekday, the time and the time zone; disabled is never due', () => {
    const wed = org({ reports: { digest: { weekday: 3, time: '17:30' } } });
    expect(digestDue(wed, new Date(MON_0900 + 2 * 24 * 60 * MIN))).toBeUndefined();
    expect(digestDue(wed, new Date(MON_0900 + (2 * 24 + 8) * 60 * MIN + 30 * MIN))?.week).toBe('2026-W48');
    const london = org({ timeZone: 'Europe/London' });
    expect(digestDue(london, new Date(MON_0900 + 7 * 60 * MIN))).toBeUndefined();
    expect(digestDue(london, new Date(MON_0900 + 8 * 60 * MIN))?.week).toBe('2026-W48');
    expect(digestDue(org({ reports: { digest: { enabled: false } } }), new Date(MON_0900))).toBeUndefined();
  });

  it('is not due for a week that ended before the org was created (a new org gets no empty first digest)', () => {
    // The week reported on Monday 30 Nov ends Sunday 29 Nov 24:00 local (16:00 UTC).
    const created = (iso: string) => ({ ...org(), createdAt: new Date(iso) });
    expect(digestDue(created('2026-11-30T00:30:00Z'), new Date(MON_0900))).toBeUndefined();
    expect(digestDue(created('2026-11-29T15:59:00Z'), new Date(MON_0900))?.week).toBe('2026-W48');
  });

  it('names ISO weeks across a year end', () => {
    expect(isoWeekOf({ year: 2026, month: 12, day: 28 })).toBe('2026-W53');
    expect(isoWeekOf({ year: 2027, month: 1, day: 4 })).toBe('2027-W01');
    expect(isoWeekOf({ year: 2024, month: 12, day: 30 })).toBe('2025-W01');
  });
});

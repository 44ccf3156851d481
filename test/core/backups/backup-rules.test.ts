import { describe, expect, it } from 'vitest';
import { backupsToPrune } from '../../../src/core/backups/backup-retention.js';
import { dailySlot, weeklySlot } from '../../../src/core/backups/backup-schedule.js';
import { backupSettingsOf, scheduleOrg } from '../../../src/core/backups/backup-settings.js';
import { orgId } from '../../../src/core/shared/ids.js';

const SH = 'Asia/Shanghai';

describe('backup schedule', () => {
  it('is due from 02:00 in the org zone: before it, the slot is the day before', () => {
    // 2026-12-02 01:59 and 02:00 in Shanghai (UTC+8).
    expect(dailySlot(new Date('2026-12-01T17:59:00Z'), SH, '02:00').key).toBe('daily:2026-12-01');
    const slot = dailySlot(new Date('2026-12-01T18:00:00Z'), SH, '02:00');
    expect(slot).toEqual({ key: 'daily:2026-12-02', at: new Date('2026-12-01T18:00:00Z') });
  });

  it('the weekly drill is due from its weekday and time, else the week before', () => {
    // Sunday 2026-12-06 04:00 Shanghai = 2026-12-05T20:00Z; the Saturday before is still last Sunday's slot.
    expect(weeklySlot(new Date('2026-12-05T20:00:00Z'), SH, 7, '04:00').key).toBe('weekly:2026-12-06');
    expect(weeklySlot(new Date('2026-12-05T19:59:00Z'), SH, 7, '04:00').key).toBe('weekly:2026-11-29');
    expect(weeklySlot(new Date('2026-12-02T01:00:00Z'), SH, 3, '04:00').key).toBe('weekly:2026-12-02');
  });

  it("takes the defaults, an org's own settings, and the first org's rules for the service", () => {
    const base = { timeZone: SH } as never;
    expect(backupSettingsOf({ settings: base })).toEqual({
      time: '02:00',
      retention: { daily: 7, weekly: 4 },
      drill: { enabled: true, weekday: 7, time: '04:00' },
    });
    const own = { settings: { timeZone: SH, backups: { time: '03:30', retention: { weekly: 8 } } } as never };
    expect(backupSettingsOf(own)).toMatchObject({ time: '03:30', retention: { daily: 7, weekly: 8 } });
    const orgs = [
      { id: orgId('b'), createdAt: new Date('2026-02-01') },
      { id: orgId('a'), createdAt: new Date('2026-01-01') },
    ];
    expect(scheduleOrg(orgs)?.id).toBe('a');
  });
});

describe('backup retention', () => {
  const at = (iso: string) => new Date(iso);
  const backup = (name: string, iso: string, scope = 'all') => ({ name, createdAt: at(iso), scope });

  it('keeps the newest of each of the last 7 days and of the last 4 weeks; prunes the rest', () => {
    // One backup a day at 02:00 Shanghai (18:00Z the day before) from Mon 2026-10-19 to Wed 2026-12-02.
    const backups = [];
    for (
      let d = new Date('2026-10-18T18:00:00Z');
      d <= at('2026-12-01T18:00:00Z');
      d = new Date(d.getTime() + 864e5)
    )
      backups.push(backup(`b-${d.toISOString().slice(0, 10)}`, d.toISOString()));
    const pruned = new Set(backupsToPrune(backups, { daily: 7, weekly: 4 }, SH));
    const kept = backups.filter((b) => !pruned.has(b.name)).map((b) => b.name);
    // Days: Nov 26 … Dec 2 (local), named by their UTC evening before. Weeks (Mon–Sun): this week's newest (Dec 2)
    // and the Sundays closing the three weeks before (Nov 29, Nov 22, Nov 15).
    expect(kept).toEqual([
      'b-2026-11-14',
      'b-2026-11-21',
      'b-2026-11-25',
      'b-2026-11-26',
      'b-2026-11-27',
      'b-2026-11-28',
      'b-2026-11-29',
      'b-2026-11-30',
      'b-2026-12-01',
    ]);
  });

  it('keeps the newest backup of a day, not every one of it, and prunes each scope on its own', () => {
    const backups = [
      backup('morning', '2026-12-02T01:00:00Z'),
      backup('evening', '2026-12-02T10:00:00Z'),
      backup('org-old', '2026-11-01T10:00:00Z', 'org:x'),
      backup('org-new', '2026-12-01T10:00:00Z', 'org:x'),
    ];
    expect(backupsToPrune(backups, { daily: 1, weekly: 0 }, SH).sort()).toEqual(['morning', 'org-old']);
  });
});

import { describe, expect, it } from 'vitest';
import { findNaturalTimes, parseNaturalTime } from '../../src/chat/natural-time.js';
import { wallTimeOf } from '../../src/core/shared/zoned-time.js';

// Natural next-contact times in the org's zone. The clock: Tuesday 1 December 2026, 10:00 in Shanghai.
const NOW = new Date('2026-12-01T02:00:00Z');
const SH = { now: NOW, timeZone: 'Asia/Shanghai', locale: 'zh-CN' } as const;

function wall(at: Date | undefined, timeZone = 'Asia/Shanghai'): string {
  if (!at) return 'none';
  const w = wallTimeOf(at, timeZone);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${w.year}-${p(w.month)}-${p(w.day)} ${p(w.hour)}:${p(w.minute)}`;
}

describe('parseNaturalTime in Chinese', () => {
  it.each([
    ['明天上午10点', '2026-12-02 10:00'],
    ['后天下午', '2026-12-03 15:00'],
    ['后天 下午3点', '2026-12-03 15:00'],
    ['后天', '2026-12-03 10:00'],
    ['大后天上午', '2026-12-04 10:00'],
    ['下周一', '2026-12-07 10:00'],
    ['下周一上午', '2026-12-07 10:00'],
    ['下周三下午两点', '2026-12-09 14:00'],
    ['3天后', '2026-12-04 10:00'],
    ['三天后下午', '2026-12-04 15:00'],
    ['12月5日 14:00', '2026-12-05 14:00'],
    ['１２月５日 １４：００', '2026-12-05 14:00'],
    ['12月5号下午2点', '2026-12-05 14:00'],
    ['周五前', '2026-12-04 18:00'],
    ['周五之前', '2026-12-04 18:00'],
    ['周五', '2026-12-04 10:00'],
    ['周一上午', '2026-12-07 10:00'],
    ['明天', '2026-12-02 10:00'],
    ['明天下午', '2026-12-02 15:00'],
    ['明天晚上', '2026-12-02 19:00'],
    ['明天中午', '2026-12-02 12:00'],
    ['今晚', '2026-12-01 19:00'],
    ['下午3点', '2026-12-01 15:00'],
    ['下午', '2026-12-01 15:00'],
    ['明天10点半', '2026-12-02 10:30'],
    ['2026-12-05 14:00', '2026-12-05 14:00'],
    ['1月3日', '2027-01-03 10:00'],
  ])('%s → %s', (text, expected) => {
    expect(wall(parseNaturalTime(text, SH))).toBe(expected);
  });

  it('moves a time already past today with no day named to tomorrow, and keeps a named day as said', () => {
    expect(wall(parseNaturalTime('上午9点', SH))).toBe('2026-12-02 09:00');
    expect(wall(parseNaturalTime('上午', SH))).toBe('2026-12-02 10:00');
    expect(wall(parseNaturalTime('今天上午9点', SH))).toBe('2026-12-01 09:00');
  });

  it('moves a weekday alone whose time has passed to next week', () => {
    // Tuesday 10:00: 周二 (default 10:00) is now, so next Tuesday; 周二下午 is still ahead today.
    expect(wall(parseNaturalTime('周二', SH))).toBe('2026-12-08 10:00');
    expect(wall(parseNaturalTime('周二下午', SH))).toBe('2026-12-01 15:00');
  });

  it('finds nothing in text without a time', () => {
    expect(parseNaturalTime('客户要报价单', SH)).toBeUndefined();
    expect(parseNaturalTime('', SH)).toBeUndefined();
  });

  it('says where the time was written, in the indexes of the text as typed (full-width kept)', () => {
    const text = '电话 下次 １２月５日 １４：００ 客户要报价单';
    const [found] = findNaturalTimes(text, SH);
    expect(found && text.slice(found.index, found.end)).toBe('１２月５日 １４：００');
    const [deadline] = findNaturalTimes('周五前给报价', SH);
    expect(deadline && '周五前给报价'.slice(deadline.index, deadline.end)).toBe('周五前');
  });
});

describe('parseNaturalTime in English', () => {
  const EN = { ...SH, locale: 'en' } as const;
  it.each([
    ['tomorrow 10am', '2026-12-02 10:00'],
    ['next monday', '2026-12-07 10:00'],
    ['in 3 days', '2026-12-04 10:00'],
    ['Dec 5 14:00', '2026-12-05 14:00'],
    ['by friday', '2026-12-04 18:00'],
    ['friday 3pm', '2026-12-04 15:00'],
    ['tomorrow afternoon', '2026-12-02 15:00'],
    ['tomorrow morning', '2026-12-02 10:00'],
    ['3pm', '2026-12-01 15:00'],
    ['9am', '2026-12-02 09:00'],
  ])('%s → %s', (text, expected) => {
    expect(wall(parseNaturalTime(text, EN))).toBe(expected);
  });

  it('reads a Chinese time for an English reader too, and an English one for a Chinese reader', () => {
    expect(wall(parseNaturalTime('明天上午10点', EN))).toBe('2026-12-02 10:00');
    expect(wall(parseNaturalTime('tomorrow 10am', SH))).toBe('2026-12-02 10:00');
  });
});

describe('parseNaturalTime across a DST change (America/New_York, clocks back on 1 November 2026)', () => {
  // Saturday 31 October 2026, 12:00 EDT (UTC-4).
  const NY = { now: new Date('2026-10-31T16:00:00Z'), timeZone: 'America/New_York', locale: 'en' } as const;
  it('keeps 10:00 wall time on the far side of the change', () => {
    const at = parseNaturalTime('monday 10am', NY);
    expect(at?.toISOString()).toBe('2026-11-02T15:00:00.000Z'); // 10:00 EST = 15:00 UTC
    expect(parseNaturalTime('tomorrow 10am', NY)?.toISOString()).toBe('2026-11-01T15:00:00.000Z');
    expect(parseNaturalTime('today 3pm', NY)?.toISOString()).toBe('2026-10-31T19:00:00.000Z'); // EDT still
  });
  it('reads a Chinese time in the org zone, not the server zone', () => {
    expect(parseNaturalTime('明天上午10点', { ...NY, locale: 'zh-CN' })?.toISOString()).toBe(
      '2026-11-01T15:00:00.000Z',
    );
  });
});

import { describe, expect, it } from 'vitest';
import { splitWords } from '../../src/chat/command-grammar.js';
import { parseReportAsk } from '../../src/chat/report-grammar.js';

// /报表 as people type it: the words after the command, split as the command grammar splits them.
const ctx = { teams: ['华东销售组', '华北组', 'East Team'], today: { year: 2026, month: 12 } };
const ask = (text: string, c = ctx) => parseReportAsk(splitWords(text), c);

describe('/report grammar', () => {
  it.each([
    ['', {}],
    ['本周', { period: '本周' }],
    ['这周', { period: '本周' }],
    ['上周', { period: '上周' }],
    ['本月', { period: '本月' }],
    ['上个月', { period: '上月' }],
    ['2026-11', { period: '2026-11' }],
    ['２０２６－１１', { period: '2026-11' }],
    ['2026年11月', { period: '2026-11' }],
    ['2026/3', { period: '2026-03' }],
    ['11月', { period: '2026-11' }],
    ['this week', { period: 'this-week' }],
    ['Last Week', { period: 'last-week' }],
    ['this month', { period: 'this-month' }],
    ['last-month', { period: 'last-month' }],
    ['渠道', { kind: 'channels' }],
    ['channels last week', { kind: 'channels', period: 'last-week' }],
    ['售后 上月', { kind: 'afterSales', period: '上月' }],
    ['after-sales', { kind: 'afterSales' }],
    ['热力图', { kind: 'heatmap' }],
    ['heatmap 2026-10', { kind: 'heatmap', period: '2026-10' }],
    ['上周 华东组', { period: '上周', team: '华东销售组' }],
    ['华东销售组 上周', { period: '上周', team: '华东销售组' }],
    ['华东', { team: '华东销售组' }],
    ['华北组 本月 渠道', { period: '本月', kind: 'channels', team: '华北组' }],
    ['last week East Team', { period: 'last-week', team: 'East Team' }],
    ['"east team"', { team: 'East Team' }],
  ])('reads «%s»', (text, expected) => {
    expect(ask(text)).toEqual({ ok: true, ask: expected });
  });

  it('takes a month without its year as the latest one not after this month', () => {
    expect(ask('11月', { ...ctx, today: { year: 2027, month: 1 } })).toEqual({
      ok: true,
      ask: { period: '2026-11' },
    });
    expect(ask('1月', { ...ctx, today: { year: 2027, month: 1 } })).toEqual({
      ok: true,
      ask: { period: '2027-01' },
    });
  });

  it.each([
    ['下周', '下周'],
    ['华南组', '华南组'],
    ['上周 华南组', '华南组'],
    ['13月', '13月'],
    ['2026-13', '2026-13'],
    ['channels please', 'please'],
  ])('answers «%s» with the words it does not know', (text, words) => {
    expect(ask(text)).toEqual({ ok: false, problem: { kind: 'unknown', words } });
  });

  it('refuses two periods or two kinds of report', () => {
    expect(ask('本周 上周')).toEqual({ ok: false, problem: { kind: 'too_many' } });
    expect(ask('渠道 售后')).toEqual({ ok: false, problem: { kind: 'too_many' } });
  });

  it('does not guess between two teams that start alike', () => {
    const two = { ...ctx, teams: ['华东一组', '华东二组'] };
    expect(ask('华东', two)).toEqual({ ok: false, problem: { kind: 'unknown', words: '华东' } });
    expect(ask('华东一组', two)).toEqual({ ok: true, ask: { team: '华东一组' } });
  });
});

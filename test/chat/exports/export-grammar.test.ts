import { describe, expect, it } from 'vitest';
import { parseCommandText, splitWords } from '../../../src/chat/command-grammar.js';
import { parseExportAsk } from '../../../src/chat/exports/export-grammar.js';
import { exportChatTextsEn } from '../../../src/chat/texts/export-chat-texts-en.js';
import { exportChatTextsZhCN } from '../../../src/chat/texts/export-chat-texts-zh-cn.js';

const ctx = { teams: ['华东销售组', 'East Team'], today: { year: 2026, month: 12 } };
const ask = (text: string) => parseExportAsk(splitWords(text), ctx);

describe('/export grammar', () => {
  it.each([
    ['跟进 本月', { kind: 'follow-ups', period: '本月' }],
    ['跟进记录 上月 华东', { kind: 'follow-ups', period: '上月', team: '华东销售组' }],
    ['线索 2026-11', { kind: 'leads', period: '2026-11' }],
    ['客户 11月', { kind: 'customers', period: '2026-11' }],
    ['投诉', { kind: 'complaints' }],
    ['任务 本周', { kind: 'tasks', period: '本周' }],
    ['follow-ups this-month', { kind: 'follow-ups', period: 'this-month' }],
    ['Follow-Ups this month', { kind: 'follow-ups', period: 'this-month' }],
    ['orders last week East', { kind: 'orders', period: 'last-week', team: 'East Team' }],
    ['leads', { kind: 'leads' }],
    ['审计 本月', { kind: 'audit', period: '本月' }],
    ['审计日志 上月', { kind: 'audit', period: '上月' }],
    ['audit last month', { kind: 'audit', period: 'last-month' }],
  ])('reads "%s"', (text, expected) => {
    expect(ask(text)).toEqual({ ok: true, ask: expected });
  });

  it.each([
    ['', { kind: 'no_kind' }],
    ['工资 本月', { kind: 'unknown_kind', word: '工资' }],
    ['salaries', { kind: 'unknown_kind', word: 'salaries' }],
    ['跟进 下个世纪', { kind: 'unknown', words: '下个世纪' }],
    ['跟进 2026-13', { kind: 'unknown', words: '2026-13' }],
    ['跟进 渠道', { kind: 'unknown', words: '渠道' }],
    ['跟进 本月 上月', { kind: 'too_many' }],
  ])('refuses "%s"', (text, problem) => {
    expect(ask(text)).toEqual({ ok: false, problem });
  });

  it('is reached as /export, /导出 and 导出', () => {
    for (const text of ['/export follow-ups', '/导出 跟进 本月', '导出 跟进', '／导出 跟进']) {
      expect(parseCommandText(text)?.command).toBe('export');
    }
  });

  it('words its answers in each language', () => {
    const zh = exportChatTextsZhCN;
    expect(zh.working(zh.what('follow-ups', '本月'))).toBe('正在导出跟进记录（本月）…，完成后发到你的私聊');
    expect(zh.unknownKind('工资')).toContain('跟进、');
    expect(zh.unknownKind('工资')).not.toMatch(/[a-z]{3,}/);
    const en = exportChatTextsEn;
    expect(en.working(en.what('follow-ups', 'this-month'))).toBe(
      'Exporting follow-ups (this-month)… the file will arrive in your DM.',
    );
    expect(en.unknownKind('salaries')).toContain('follow-ups');
  });
});

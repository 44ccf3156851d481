import { describe, expect, it } from 'vitest';
import { parseCommandText } from '../../src/chat/command-grammar.js';
import { parseTokenAsk, TOKEN_NAME_MAX } from '../../src/chat/token-grammar.js';

describe('/令牌 (/token) grammar', () => {
  it('reads /令牌 and /token as the token command, its words as typed', () => {
    expect(parseCommandText('/令牌 新建 报表脚本')).toEqual({ command: 'token', args: ['新建', '报表脚本'] });
    expect(parseCommandText('／令牌')).toEqual({ command: 'token', args: [] });
    expect(parseCommandText('/token revoke lr_AbCd1')).toEqual({
      command: 'token',
      args: ['revoke', 'lr_AbCd1'],
    });
  });

  it('lists with no words, 列表, 查看 or list', () => {
    for (const args of [[], ['列表'], ['查看'], ['list'], ['LIST']])
      expect(parseTokenAsk(args)).toEqual({ ok: true, ask: { kind: 'list' } });
  });

  it('makes a token with the name as typed, several words joined by one space', () => {
    expect(parseTokenAsk(['新建', '报表脚本'])).toEqual({ ok: true, ask: { kind: 'new', name: '报表脚本' } });
    expect(parseTokenAsk(['创建', 'CRM', '同步'])).toEqual({
      ok: true,
      ask: { kind: 'new', name: 'CRM 同步' },
    });
    expect(parseTokenAsk(['new', 'report-script'])).toEqual({
      ok: true,
      ask: { kind: 'new', name: 'report-script' },
    });
  });

  it('asks for a name, and refuses one longer than the core keeps', () => {
    expect(parseTokenAsk(['新建'])).toEqual({ ok: false, problem: { kind: 'no_name' } });
    expect(parseTokenAsk(['new', '   '])).toEqual({ ok: false, problem: { kind: 'no_name' } });
    expect(parseTokenAsk(['新建', '名'.repeat(TOKEN_NAME_MAX)])).toMatchObject({ ok: true });
    expect(parseTokenAsk(['新建', '名'.repeat(TOKEN_NAME_MAX + 1)])).toEqual({
      ok: false,
      problem: { kind: 'name_too_long', max: TOKEN_NAME_MAX },
    });
  });

  it('revokes by what follows 撤销 / 吊销 / revoke, and asks which when nothing does', () => {
    expect(parseTokenAsk(['撤销', 'lr_AbCd1'])).toEqual({
      ok: true,
      ask: { kind: 'revoke', ref: 'lr_AbCd1' },
    });
    expect(parseTokenAsk(['吊销', '报表', '脚本'])).toEqual({
      ok: true,
      ask: { kind: 'revoke', ref: '报表 脚本' },
    });
    expect(parseTokenAsk(['revoke'])).toEqual({ ok: false, problem: { kind: 'no_ref' } });
  });

  it('names an unknown sub-command as typed', () => {
    expect(parseTokenAsk(['重置', 'x'])).toEqual({ ok: false, problem: { kind: 'unknown', word: '重置' } });
  });
});

import { describe, expect, it } from 'vitest';
import type { Catalogue } from '../../src/chat/texts/catalogue.js';
import { COMMAND_NAMES } from '../../src/chat/texts/catalogue.js';
import { en } from '../../src/chat/texts/en.js';
import { textsFor } from '../../src/chat/texts/texts-for.js';
import { zhCN } from '../../src/chat/texts/zh-cn.js';
import { ROLES } from '../../src/core/org/types.js';

const CATALOGUES: [string, Catalogue][] = [
  ['zh-CN', zhCN],
  ['en', en],
];

describe('text catalogues', () => {
  it('have texts for the same set of error codes in both languages', () => {
    const zhCodes = Object.keys(zhCN.errors).sort();
    const enCodes = Object.keys(en.errors).sort();
    expect(zhCodes.length).toBeGreaterThan(0);
    expect(enCodes).toEqual(zhCodes);
  });

  it.each(CATALOGUES)('%s returns a non-empty text for every error code with empty details', (_name, cat) => {
    for (const [code, text] of Object.entries(cat.errors)) {
      const value = text({});
      expect(typeof value, code).toBe('string');
      expect(value.trim(), code).not.toBe('');
      expect(value, code).not.toMatch(/undefined|\[object Object\]/);
    }
  });

  it('says different things in the two languages for every error code', () => {
    for (const code of Object.keys(en.errors) as (keyof Catalogue['errors'])[]) {
      expect(zhCN.errors[code]({}), code).not.toBe(en.errors[code]({}));
    }
  });

  it("zh-CN words every field issue from its data, never zod's English", () => {
    const text = zhCN.errors.VALIDATION_FAILED({
      issues: [
        {
          field: 'reason',
          message: 'say why, in a few words',
          problem: { kind: 'too_small', minimum: 2, of: 'text' },
        },
        { field: 'leads.2.phone', message: 'Required', problem: { kind: 'required' } },
        { field: 'colour', message: 'unknown field' },
      ],
    });
    expect(text).toBe('输入有误：原因：至少 2 个字；第 3 条线索的手机：必填；colour：格式不对');
  });

  it('en lists every field issue of VALIDATION_FAILED', () => {
    const cat = en;
    const text = cat.errors.VALIDATION_FAILED({
      issues: [
        { field: 'name', message: 'Required' },
        { field: 'phone', message: 'Too short' },
      ],
    });
    expect(text).toContain('name: Required');
    expect(text).toContain('phone: Too short');
  });

  it.each(CATALOGUES)('%s names the command in UNKNOWN_COMMAND', (_n, cat) => {
    expect(cat.errors.UNKNOWN_COMMAND({ command: 'frobnicate' })).toContain('frobnicate');
  });

  // The permission's code is for the API's details and the log; a zh-CN reader is told what to do, not the code.
  it('zh-CN FORBIDDEN carries no permission code; en still names it for developers', () => {
    expect(zhCN.errors.FORBIDDEN({ action: 'lead.read_all' })).toBe(
      '你没有权限执行此操作，请联系管理员或主管。',
    );
    expect(en.errors.FORBIDDEN({ action: 'member.set_availability.other' })).toContain(
      'member.set_availability.other',
    );
  });

  it.each(CATALOGUES)('%s has a help line for every command and a name for every role', (_n, cat) => {
    for (const name of COMMAND_NAMES) expect(cat.help.commands[name].trim()).not.toBe('');
    for (const role of ROLES) expect(cat.roles[role].trim()).not.toBe('');
  });

  it.each(CATALOGUES)('%s puts the reference into somethingWentWrong', (_n, cat) => {
    expect(cat.somethingWentWrong('ab12cd34')).toContain('ab12cd34');
  });

  it('picks the catalogue by locale', () => {
    expect(textsFor('zh-CN')).toBe(zhCN);
    expect(textsFor('en')).toBe(en);
  });
});

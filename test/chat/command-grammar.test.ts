import { describe, expect, it } from 'vitest';
import { parseCommandText, splitWords } from '../../src/chat/command-grammar.js';

describe('parseCommandText', () => {
  it.each([
    ['/lead L-1', { command: 'lead', args: ['L-1'] }],
    ['lead L-1', { command: 'lead', args: ['L-1'] }],
    ['/线索 L-1', { command: 'lead', args: ['L-1'] }],
    ['线索 L-1', { command: 'lead', args: ['L-1'] }],
    ['／跟进 L-1 "电话沟通 有意向"', { command: 'followup', args: ['L-1', '电话沟通 有意向'] }],
    ['/跟进 L-1 “电话沟通 有意向”', { command: 'followup', args: ['L-1', '电话沟通 有意向'] }],
    ['/跟进 L-1 「带 空格」', { command: 'followup', args: ['L-1', '带 空格'] }],
    ['@Leadrelay /help', { command: 'help', args: [] }],
    ['@Leadrelay @王海峰 /pool', { command: 'pool', args: [] }],
    ['帮助', { command: 'help', args: [] }],
    ['/HELP', { command: 'help', args: [] }],
    ['Lead L-7', { command: 'lead', args: ['L-7'] }],
    ['/公海', { command: 'pool', args: [] }],
    ['/投诉', { command: 'complaint', args: [] }],
    ['/工时 T-3 2.5', { command: 'hours', args: ['T-3', '2.5'] }],
    ['/线索\u3000L-1', { command: 'lead', args: ['L-1'] }],
    ['\u3000／跟进\u3000L-2\u3000「电话 沟通」', { command: 'followup', args: ['L-2', '电话 沟通'] }],
    ['  /lead   L-1  ', { command: 'lead', args: ['L-1'] }],
  ])('reads %j as a command', (text, expected) => {
    expect(parseCommandText(text)).toEqual(expected);
  });

  it.each([
    '',
    '   ',
    '\u3000',
    'hello there',
    '你好',
    '/unknown L-1',
    '@Leadrelay',
    '@Leadrelay 你好',
    'please help me',
    '/',
    'leads L-1',
  ])('returns undefined for the non-command %j', (text) => {
    expect(parseCommandText(text)).toBeUndefined();
  });

  it('returns undefined when the word is a name every plain object inherits (constructor, toString, __proto__…)', () => {
    // ALIASES is an object literal: a lookup by a typed word must not find Object.prototype's members.
    for (const text of ['constructor', 'toString', '/hasOwnProperty', '__proto__', 'valueOf x']) {
      expect(parseCommandText(text), text).toBeUndefined();
    }
  });
});

describe('splitWords', () => {
  it('splits on ASCII and ideographic spaces and keeps every kind of quote whole', () => {
    expect(splitWords('a\u3000b  "c d" “e f” 「g h」 i')).toEqual(['a', 'b', 'c d', 'e f', 'g h', 'i']);
  });

  it('keeps an empty quoted argument as an empty word', () => {
    expect(splitWords('/followup L-1 ""')).toEqual(['/followup', 'L-1', '']);
  });
});

import { describe, expect, it } from 'vitest';
import { textField } from '../../src/core/shared/text-field.js';

describe('textField', () => {
  const oneLine = textField().trim().max(20);
  const multiLine = textField({ multiLine: true });

  it('takes plain text in any script, and tabs and line breaks where text may span lines', () => {
    expect(oneLine.parse(' 张伟 Zhāng 🙂 ')).toBe('张伟 Zhāng 🙂');
    expect(multiLine.parse('第一行\r\n\tsecond line')).toBe('第一行\r\n\tsecond line');
  });

  it.each([
    ['NUL', 'a\u0000b', 'U+0000'],
    ['an ANSI escape', '\u001b[31mred', 'U+001B'],
    ['a line break', 'Evil\nINFO forged', 'U+000A'],
    ['DEL', 'a\u007f', 'U+007F'],
    ['a C1 control', 'a\u0085b', 'U+0085'],
    ['a bidi override', 'abc\u202Eevil', 'U+202E'],
    ['a bidi isolate', '\u2066x\u2069', 'U+2066'],
  ])('refuses %s, naming the character', (_, text, code) => {
    const result = oneLine.safeParse(text);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain(code);
  });

  it('refuses in multi-line text what is not a tab or a line break, and lone surrogates everywhere', () => {
    expect(multiLine.safeParse('a\u000bb').success).toBe(false);
    expect(multiLine.safeParse('x\u202Dy').success).toBe(false);
    expect(oneLine.safeParse('a\ud800').error?.issues[0]?.message).toMatch(/lone UTF-16 surrogate/);
    expect(multiLine.safeParse('\udc00').success).toBe(false);
  });
});

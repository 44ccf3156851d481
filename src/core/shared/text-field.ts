import { z } from 'zod';

// C0 controls, DEL, C1 controls, and the bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069).
// A name with ESC can repaint a terminal that shows a log line, CR/LF can forge lines, and U+202E turns the text
// that follows around on every screen: "Trojan Source", https://trojansource.codes/.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is what this pattern is for
const UNSAFE_ONE_LINE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;
// Free text may hold tabs and line breaks (CR too, since Windows ends lines with CR LF), nothing else of those.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is what this pattern is for
const UNSAFE_MULTI_LINE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

// A high surrogate not followed by a low one, or a low one not preceded by a high one (no `u` flag: code units).
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const codePoint = (char: string) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

export const hasLoneSurrogate = (text: string): boolean => LONE_SURROGATE.test(text);

/** Why `text` may not be stored as it is, or undefined when it may. */
export function unsafeTextReason(text: string, multiLine = false): string | undefined {
  // A lone surrogate is no character at all: MongoDB would store U+FFFD while the request echoed the original.
  if (hasLoneSurrogate(text)) return 'not valid Unicode text (a lone UTF-16 surrogate)';
  const found = (multiLine ? UNSAFE_MULTI_LINE : UNSAFE_ONE_LINE).exec(text);
  if (!found) return undefined;
  return multiLine
    ? `must not contain control or bidirectional formatting characters (${codePoint(found[0])} at ${found.index})`
    : `must be one line without control or bidirectional formatting characters (${codePoint(found[0])} at ${found.index})`;
}

/**
 * A string field of the API that a person reads later (names, notes, rule names): refused with a 400 naming the
 * field when it holds control characters or bidi overrides, rather than silently stripped, so the sender learns
 * what was wrong and what is stored is exactly what was sent. `multiLine` allows tab, CR and LF. Chain `.trim()`,
 * `.max()` and the rest after it.
 */
export function textField(options: { readonly multiLine?: boolean } = {}) {
  return z.string().check((ctx) => {
    const reason = unsafeTextReason(ctx.value, options.multiLine);
    if (reason)
      ctx.issues.push({
        code: 'custom',
        message: reason,
        input: ctx.value,
        params: { problem: 'unsafe_text' },
      });
  });
}

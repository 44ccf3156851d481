// WeCom counts its display limits in characters (字) and its hard limits in bytes; both helpers cut whole code
// points, so a Chinese character or an emoji is never split into invalid UTF-8.

const ELLIPSIS = '…';

/** At most `max` characters; a cut string ends in "…" so the reader sees something was left out. */
export function truncateChars(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  return `${chars.slice(0, Math.max(0, max - 1)).join('')}${ELLIPSIS}`;
}

/** At most `maxBytes` bytes of UTF-8, ending in "…" when cut. */
export function truncateBytes(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text, 'utf8') <= maxBytes) return text;
  const budget = maxBytes - Buffer.byteLength(ELLIPSIS, 'utf8');
  let used = 0;
  let kept = '';
  for (const char of text) {
    const size = Buffer.byteLength(char, 'utf8');
    if (used + size > budget) break;
    used += size;
    kept += char;
  }
  return `${kept}${ELLIPSIS}`;
}

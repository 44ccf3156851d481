const UTF8_BOM = [0xef, 0xbb, 0xbf];
const UTF16LE_BOM = [0xff, 0xfe];

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) => prefix.every((b, i) => bytes[i] === b);

/**
 * Text of a CSV file whatever Excel saved it as: UTF-8 with or without BOM, UTF-16 ("Unicode text"), or — what
 * Excel on a Chinese Windows writes for "CSV" — GBK. GB18030 is a superset of GBK, and bytes that are not valid
 * UTF-8 are almost never meant as UTF-8, so that is the fallback.
 */
export function decodeText(bytes: Uint8Array): string {
  if (startsWith(bytes, UTF8_BOM)) return new TextDecoder('utf-8').decode(bytes.subarray(UTF8_BOM.length));
  if (startsWith(bytes, UTF16LE_BOM))
    return new TextDecoder('utf-16le').decode(bytes.subarray(UTF16LE_BOM.length));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

import { isUtf8 } from 'node:buffer';

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const UTF16LE_BOM = [0xff, 0xfe];

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) => prefix.every((b, i) => bytes[i] === b);

/**
 * A CSV file's bytes as UTF-8, whatever Excel saved it as: UTF-8 with or without BOM, UTF-16 ("Unicode text"), or
 * — what Excel on a Chinese Windows writes for "CSV" — GBK. GB18030 is a superset of GBK, and bytes that are not
 * valid UTF-8 are almost never meant as UTF-8, so that is the fallback. A UTF-8 file is returned as it is, not
 * decoded into a string and encoded back: the parser reads bytes, and a 19 MB file then costs no copy at all.
 */
export function utf8Bytes(bytes: Uint8Array): Uint8Array {
  if (startsWith(bytes, UTF8_BOM)) return bytes.subarray(UTF8_BOM.length);
  if (startsWith(bytes, UTF16LE_BOM)) {
    return Buffer.from(new TextDecoder('utf-16le').decode(bytes.subarray(UTF16LE_BOM.length)));
  }
  if (isUtf8(bytes)) return bytes;
  return Buffer.from(new TextDecoder('gb18030').decode(bytes));
}

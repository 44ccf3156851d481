import type { FileRef } from '../../../src/chat/card.js';

/** An export's name as the export use-case makes it: Chinese, with the period. */
export const EXPORT_NAME = '跟进记录-2026-11.csv';

/** A small CSV like the chat export writes: UTF-8 BOM, Chinese headers, CRLF lines, a note exactly as typed. */
export const EXPORT_BYTES = new Uint8Array(
  Buffer.concat([
    Buffer.from([0xef, 0xbb, 0xbf]),
    Buffer.from('记录编号,线索编号,跟进内容\r\nF-1,L-1001,"聊过，有意向，下周到店"\r\n', 'utf8'),
  ]),
);

export const EXPORT_FILE: FileRef = {
  fileId: 'export-req-1',
  name: EXPORT_NAME,
  mime: 'text/csv; charset=utf-8',
};

import type { DrainSource } from './write-with-backpressure.js';

/** What the sheet's rows are handed to inside the zip (archiver's PassThrough, readable-stream 2's shape). */
export type ZipInput = DrainSource & { readonly _writableState?: { readonly needDrain?: boolean } };

/**
 * Why this exists: exceljs's streaming writer puts each committed row into the sheet's StreamBuf, whose `write`
 * always returns true and hands its 64 KB chunks on to archiver's input (a PassThrough) without waiting. When deflate
 * is slower than the rows come (always, behind a cursor that yields 1,000 rows at once), the sheet's whole XML piles
 * up in that PassThrough: measured 0.5 MB per 1,000 rows, 480 MB at a million, and not one byte to the response
 * until the end. Its input is the one stream of the chain that says it is full, so the writer waits on it.
 * The fields read are exceljs 4's (`sheet.stream.pipes`): test/export-files/xlsx-sink.test.ts fails if they change.
 */
export function sheetZipInput(sheet: object): ZipInput | undefined {
  // exceljs's streaming worksheet has `stream` (its types only declare the in-memory Worksheet).
  const stream = (sheet as { stream?: { pipes?: unknown } }).stream;
  const pipes = stream?.pipes;
  const first: unknown = Array.isArray(pipes) ? pipes[0] : undefined;
  const shaped =
    typeof first === 'object' &&
    first !== null &&
    typeof (first as ZipInput).once === 'function' &&
    '_writableState' in first;
  return shaped ? (first as ZipInput) : undefined;
}

/** Whether the zip's input holds more than it wants (then the next row waits for its `drain`: `drained(out, input)`). */
export const zipInputFull = (input: ZipInput): boolean => input._writableState?.needDrain === true;

import type { Writable } from 'node:stream';

/** What the sheet's rows are handed to inside the zip (archiver's PassThrough, readable-stream 2's shape). */
type ZipInput = {
  readonly _writableState?: { readonly needDrain?: boolean };
  once(event: 'drain' | 'error' | 'close', listener: (error?: Error) => void): unknown;
  off(event: 'drain' | 'error' | 'close', listener: (error?: Error) => void): unknown;
};

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

/** Resolves once the zip has taken what it holds, or fails when the response (`out`) is gone first. */
export function zipInputDrained(input: ZipInput, out: Writable): Promise<void> {
  if (!input._writableState?.needDrain) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const done = (error?: Error) => {
      input.off('drain', onDrain);
      input.off('error', done);
      out.off('close', onClose);
      out.off('error', done);
      if (error) reject(error);
      else resolve();
    };
    const onDrain = () => done();
    const onClose = () => done(new Error('export stream closed'));
    input.once('drain', onDrain);
    input.once('error', done);
    out.once('close', onClose);
    out.once('error', done);
  });
}

import type { Writable } from 'node:stream';

/** What can say it is full and then `drain`: a Writable, or a stream inside a library (exceljs's zip input). */
export type DrainSource = {
  once(event: 'drain' | 'error', listener: (error?: Error) => void): unknown;
  off(event: 'drain' | 'error', listener: (error?: Error) => void): unknown;
};

/**
 * Waits until `source` (the stream itself by default) wants more (`drain`), or fails if `out` is gone first (the
 * HTTP client hung up, the file could not be written) or `source` breaks: an export never writes into a buffer
 * nobody reads.
 */
export function drained(out: Writable, source: DrainSource = out): Promise<void> {
  if (out.destroyed) return Promise.reject(new Error('export stream closed'));
  return new Promise((resolve, reject) => {
    const done = (error?: Error) => {
      source.off('drain', onDrain);
      source.off('error', done);
      out.off('close', onClose);
      out.off('error', done);
      if (error) reject(error);
      else resolve();
    };
    const onDrain = () => done();
    const onClose = () => done(new Error('export stream closed'));
    source.once('drain', onDrain);
    source.once('error', done);
    out.once('close', onClose);
    out.once('error', done);
  });
}

/** Writes a chunk and resolves once the stream will take more (at once unless `write` returned false). */
export async function writeChunk(out: Writable, chunk: string | Buffer): Promise<void> {
  if (out.destroyed) throw new Error('export stream closed');
  if (!out.write(chunk)) await drained(out);
}

/** Ends the stream and resolves once everything written has been handed on (or rejects if it broke). */
export function endStream(out: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    out.once('error', reject);
    out.end(() => {
      out.off('error', reject);
      resolve();
    });
  });
}

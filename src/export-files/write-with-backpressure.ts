import type { Writable } from 'node:stream';

/**
 * Waits until the stream wants more (`drain`), or fails if it is gone first (the HTTP client hung up, the file
 * could not be written): an export never writes into a buffer nobody reads.
 */
export function drained(out: Writable): Promise<void> {
  if (out.destroyed) return Promise.reject(new Error('export stream closed'));
  return new Promise((resolve, reject) => {
    const done = (error?: Error) => {
      out.off('drain', onDrain);
      out.off('close', onClose);
      out.off('error', done);
      if (error) reject(error);
      else resolve();
    };
    const onDrain = () => done();
    const onClose = () => done(new Error('export stream closed'));
    out.on('drain', onDrain);
    out.on('close', onClose);
    out.on('error', done);
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

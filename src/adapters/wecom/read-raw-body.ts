import type { IncomingMessage } from 'node:http';

/**
 * The request body exactly as sent, read from the Node request because the signature covers the raw XML and the
 * app runs no body parser for this path. Undefined when it is over `limitBytes`: the caller answers 413.
 */
export function readRawBody(req: IncomingMessage, limitBytes: number): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limitBytes) {
        chunks.push(chunk);
        return;
      }
      // Stop buffering at once (an oversized body is no WeCom callback) but keep draining, so the 413 still
      // reaches the client instead of a reset connection.
      req.off('data', onData).off('end', onEnd).off('error', onError).resume();
      resolve(undefined);
    };
    const onEnd = () => resolve(Buffer.concat(chunks).toString('utf8'));
    const onError = (error: Error) => reject(error);
    req.on('data', onData).on('end', onEnd).on('error', onError);
  });
}

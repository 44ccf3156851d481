import type { IncomingMessage } from 'node:http';

/**
 * The request body exactly as sent, for routes that verify a signature over it or take a file: the app runs no body
 * parser on their paths (createHttpApp's `rawBodyPaths`). Undefined when it is over `limit` bytes (the caller
 * answers 413): buffering stops at once, and the rest is drained so that answer still reaches the client. A stream
 * already read means a body parser ran first: that wiring fault is thrown, not waited on forever.
 */
export async function readRawBody(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  if (req.readableEnded) {
    throw new Error(
      'request body already consumed: add this path to the body parser exemptions (rawBodyPaths)',
    );
  }
  if (Number(req.headers['content-length'] ?? 0) > limit) {
    req.resume();
    return undefined;
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer | string) => {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      size += buffer.length;
      if (size <= limit) {
        chunks.push(buffer);
        return;
      }
      req.off('data', onData).off('end', onEnd).off('error', onError).resume();
      resolve(undefined);
    };
    const onEnd = () => resolve(Buffer.concat(chunks));
    const onError = (error: Error) => reject(error);
    req.on('data', onData).on('end', onEnd).on('error', onError);
  });
}

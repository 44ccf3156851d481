import type { IncomingMessage } from 'node:http';

export class BodyTooLargeError extends Error {
  constructor(limit: number) {
    super(`request body over ${limit} bytes`);
    this.name = 'BodyTooLargeError';
  }
}

/** DingTalk callbacks are a few KB; anything near this is not DingTalk. */
export const CALLBACK_LIMIT_BYTES = 256 * 1024;

/**
 * Reads the request body as DingTalk sent it. The app must not run a body parser on DingTalk's paths: a parsed
 * stream has already ended, and waiting for it would hang, so that is reported as the wiring error it is.
 */
export async function readRawBody(req: IncomingMessage, limit = CALLBACK_LIMIT_BYTES): Promise<Buffer> {
  if (req.readableEnded)
    throw new Error('request body already consumed: exclude this path from the body parser');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > limit) throw new BodyTooLargeError(limit);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

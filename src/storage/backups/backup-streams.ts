import { createHash, type Hash } from 'node:crypto';
import { Transform } from 'node:stream';

/** A pass-through that hashes (and counts) every byte going by: checksums are taken while streaming, not after. */
export function hashTap(): { readonly stream: Transform; readonly hash: Hash; bytes(): number } {
  const hash = createHash('sha256');
  let bytes = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  return { stream, hash, bytes: () => bytes };
}

/** Splits a byte stream into lines (the EJSON files hold one document a line). */
export async function* linesOf(source: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  let rest = '';
  for await (const chunk of source) {
    rest += typeof chunk === 'string' ? chunk : chunk.toString('utf8');
    let end = rest.indexOf('\n');
    while (end >= 0) {
      yield rest.slice(0, end);
      rest = rest.slice(end + 1);
      end = rest.indexOf('\n');
    }
  }
  if (rest.length > 0) yield rest;
}

export const sha256Hex = (data: Buffer | string): string => createHash('sha256').update(data).digest('hex');

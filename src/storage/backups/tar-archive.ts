import { createReadStream } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import { Readable, Writable } from 'node:stream';

/**
 * A minimal POSIX ustar archive: one file per backup that `tar tf` lists and `tar xf` unpacks (each collection's
 * `.ejson.gz` then reads with `zcat`), so an operator needs no Leadrelay code to look inside. Entries are streamed:
 * a header slot is reserved, the data written after it, and the header (which holds the size) written last into
 * its slot, so no entry is ever held in memory or in a second file.
 */
const BLOCK = 512;

export type TarEntry = { readonly name: string; readonly offset: number; readonly size: number };

export class TarWriter {
  private position = 0;
  private constructor(private readonly file: FileHandle) {}

  static async create(path: string): Promise<TarWriter> {
    return new TarWriter(await open(path, 'wx', 0o600));
  }

  /** Streams one entry: `fill` writes its bytes into the given sink; the header is written once they are all in. */
  async entry(name: string, fill: (sink: Writable) => Promise<void>): Promise<number> {
    const headerAt = this.position;
    this.position += BLOCK;
    const dataAt = this.position;
    await fill(this.sink());
    const size = this.position - dataAt;
    await this.pad();
    await this.file.write(header(name, size), 0, BLOCK, headerAt);
    return size;
  }

  /** A small entry already in memory (the manifest, an index list). */
  async bytes(name: string, data: Buffer): Promise<void> {
    await this.entry(name, () => this.write(data));
  }

  /** Two zero blocks end the archive; then the data is flushed to disk before the caller renames the file. */
  async finish(): Promise<void> {
    await this.write(Buffer.alloc(BLOCK * 2));
    await this.file.sync();
    await this.file.close();
  }

  async abort(): Promise<void> {
    await this.file.close().catch(() => undefined);
  }

  private sink(): Writable {
    return new Writable({
      write: (chunk: Buffer, _encoding, done) => {
        this.write(chunk).then(() => done(), done);
      },
    });
  }

  private async pad(): Promise<void> {
    const rest = this.position % BLOCK;
    if (rest > 0) await this.write(Buffer.alloc(BLOCK - rest));
  }

  private async write(chunk: Buffer): Promise<void> {
    let written = 0;
    while (written < chunk.length) {
      const { bytesWritten } = await this.file.write(chunk, written, chunk.length - written, this.position);
      written += bytesWritten;
      this.position += bytesWritten;
    }
  }
}

function header(name: string, size: number): Buffer {
  const block = Buffer.alloc(BLOCK);
  if (Buffer.byteLength(name) > 100) throw new Error(`tar entry name too long: ${name}`);
  block.write(name, 0, 100, 'utf8');
  octal(block, 100, 8, 0o600);
  octal(block, 108, 8, 0);
  octal(block, 116, 8, 0);
  octal(block, 124, 12, size);
  octal(block, 136, 12, Math.floor(Date.now() / 1000));
  block.fill(' ', 148, 156);
  block.write('0', 156, 1, 'ascii');
  block.write('ustar\u000000', 257, 8, 'binary');
  let sum = 0;
  for (const byte of block) sum += byte;
  block.write(`${sum.toString(8).padStart(6, '0')}\u0000 `, 148, 8, 'ascii');
  return block;
}

function octal(block: Buffer, at: number, width: number, value: number): void {
  block.write(`${value.toString(8).padStart(width - 1, '0')}\u0000`, at, width, 'ascii');
}

/** The entries of an archive, read header by header (the data is skipped, not read). */
export async function listTarEntries(path: string): Promise<TarEntry[]> {
  const file = await open(path, 'r');
  try {
    const { size: total } = await file.stat();
    const entries: TarEntry[] = [];
    const block = Buffer.alloc(BLOCK);
    let position = 0;
    while (position + BLOCK <= total) {
      await file.read(block, 0, BLOCK, position);
      if (block.every((byte) => byte === 0)) return entries;
      const name = block.toString('utf8', 0, 100).replace(/\0.*$/s, '');
      const size = Number.parseInt(block.toString('ascii', 124, 136).replace(/\0.*$/s, '').trim() || '0', 8);
      if (!Number.isFinite(size) || position + BLOCK + size > total) throw new Error('truncated archive');
      entries.push({ name, offset: position + BLOCK, size });
      position += BLOCK + Math.ceil(size / BLOCK) * BLOCK;
    }
    throw new Error('truncated archive: no end marker');
  } finally {
    await file.close();
  }
}

/** One entry's bytes as a stream (an empty entry gives an empty stream). */
export function readTarEntry(path: string, entry: TarEntry): NodeJS.ReadableStream {
  if (entry.size === 0) return Readable.from([]);
  return createReadStream(path, { start: entry.offset, end: entry.offset + entry.size - 1 });
}

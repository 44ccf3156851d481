import { inflateRawSync } from 'node:zlib';

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;
const ZIP64_MARK = 0xffffffff;
const STORED = 0;
const DEFLATED = 8;

// Format: https://pkware.cachefly.net/webdocs/casestudies/APPNOTE.TXT (4.3.7 local header, 4.3.12 central directory,
// 4.3.16 end of central directory).
type ZipEntry = {
  readonly method: number;
  readonly packed: number;
  readonly declared: number;
  readonly at: number;
};

/**
 * The total size the entries of a ZIP file (an XLSX is one) declare for themselves once unzipped, read from its
 * central directory without inflating anything, so a plain zip bomb is refused in microseconds. Undefined when the
 * file is not a readable ZIP (the XLSX reader then reports it); Infinity for ZIP64 sizes, which no spreadsheet we
 * take needs.
 */
export function zipUnpackedSize(bytes: Uint8Array): number | undefined {
  const entries = zipEntries(bytes);
  return entries?.reduce((sum, entry) => sum + entry.declared, 0);
}

/**
 * Whether the entries really unzip to at most `max` bytes. Headers can lie (the declared size is only what the
 * writer claims), so this inflates each entry with zlib's output cap and stops at the first byte over: the cost is
 * bounded by `max`, never by what the bomb would unzip to.
 */
export function zipInflatesWithin(bytes: Uint8Array, max: number): boolean {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let total = 0;
  for (const entry of zipEntries(bytes) ?? []) {
    if (entry.at + 30 > view.byteLength || view.getUint32(entry.at, true) !== LOCAL_SIGNATURE) return true;
    const start = entry.at + 30 + view.getUint16(entry.at + 26, true) + view.getUint16(entry.at + 28, true);
    const packed = bytes.subarray(start, start + entry.packed);
    if (entry.method === STORED) total += packed.length;
    else if (entry.method === DEFLATED) {
      try {
        total += inflateRawSync(packed, { maxOutputLength: Math.max(1, max - total + 1) }).length;
      } catch (error) {
        if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') return false;
        // A broken stream is not ours to report: the XLSX reader says the file cannot be read.
        return true;
      }
    }
    if (total > max) return false;
  }
  return true;
}

function zipEntries(bytes: Uint8Array): ZipEntry[] | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfCentralDirectory(view);
  if (eocd === undefined) return undefined;
  const count = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (offset + 46 > view.byteLength || view.getUint32(offset, true) !== CENTRAL_SIGNATURE) return undefined;
    const declared = view.getUint32(offset + 24, true);
    entries.push({
      method: view.getUint16(offset + 10, true),
      packed: view.getUint32(offset + 20, true),
      declared: declared === ZIP64_MARK ? Number.POSITIVE_INFINITY : declared,
      at: view.getUint32(offset + 42, true),
    });
    offset +=
      46 +
      view.getUint16(offset + 28, true) +
      view.getUint16(offset + 30, true) +
      view.getUint16(offset + 32, true);
  }
  return entries;
}

// The record sits at the very end, after an optional comment of up to 64 KB.
function findEndOfCentralDirectory(view: DataView): number | undefined {
  const last = view.byteLength - EOCD_SIZE;
  for (let at = last; at >= 0 && at >= last - MAX_COMMENT; at--) {
    if (view.getUint32(at, true) === EOCD_SIGNATURE) return at;
  }
  return undefined;
}

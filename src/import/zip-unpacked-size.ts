const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;
const ZIP64_MARK = 0xffffffff;

/**
 * The total size the entries of a ZIP file (an XLSX is one) declare for themselves once unzipped, read from its
 * central directory without inflating anything, so a zip bomb is refused in microseconds. Undefined when the file is
 * not a readable ZIP (the XLSX reader then reports it) ; Infinity for ZIP64 sizes, which no spreadsheet we take
 * needs. A lying header is caught later: the worker that unzips has a memory cap (check-lead-file-in-worker.ts).
 * Format: https://pkware.cachefly.net/webdocs/casestudies/APPNOTE.TXT (4.3.12, 4.3.16).
 */
export function zipUnpackedSize(bytes: Uint8Array): number | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfCentralDirectory(view);
  if (eocd === undefined) return undefined;
  const entries = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  let total = 0;
  for (let i = 0; i < entries; i++) {
    if (offset + 46 > view.byteLength || view.getUint32(offset, true) !== CENTRAL_SIGNATURE) return undefined;
    const size = view.getUint32(offset + 24, true);
    if (size === ZIP64_MARK) return Number.POSITIVE_INFINITY;
    total += size;
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return total;
}

// The record sits at the very end, after an optional comment of up to 64 KB.
function findEndOfCentralDirectory(view: DataView): number | undefined {
  const last = view.byteLength - EOCD_SIZE;
  for (let at = last; at >= 0 && at >= last - MAX_COMMENT; at--) {
    if (view.getUint32(at, true) === EOCD_SIGNATURE) return at;
  }
  return undefined;
}

/** One part of a multipart/form-data body, as a platform's server reads it. */
export type MultipartPart = {
  readonly name: string | undefined;
  /** As sent in Content-Disposition, decoded as UTF-8 (how the platforms read a Chinese file name). */
  readonly filename: string | undefined;
  readonly contentType: string | undefined;
  readonly bytes: Buffer;
};

/**
 * Splits a multipart/form-data body (RFC 7578) into its parts, by the boundary of its Content-Type, so a fake
 * platform can check the field names, the file's name and its exact bytes the way the real server would.
 */
export function parseMultipart(contentType: string | undefined, raw: Buffer): MultipartPart[] {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType ?? '');
  const mark = boundary?.[1] ?? boundary?.[2];
  if (!mark) throw new Error(`not multipart: ${contentType}`);
  const delimiter = Buffer.from(`--${mark}`);
  const parts: MultipartPart[] = [];
  let at = raw.indexOf(delimiter);
  while (at >= 0) {
    const start = at + delimiter.length;
    if (raw.subarray(start, start + 2).toString() === '--') break;
    const next = raw.indexOf(delimiter, start);
    if (next < 0) break;
    // Each part: CRLF, headers, CRLF CRLF, content, CRLF before the next delimiter.
    const part = raw.subarray(start + 2, next - 2);
    const split = part.indexOf('\r\n\r\n');
    const head = part.subarray(0, split).toString('utf8');
    const disposition = /^content-disposition:(.*)$/im.exec(head)?.[1] ?? '';
    parts.push({
      name: /\bname="([^"]*)"/.exec(disposition)?.[1],
      filename: /\bfilename="([^"]*)"/.exec(disposition)?.[1],
      contentType: /^content-type:\s*(.*)$/im.exec(head)?.[1]?.trim(),
      bytes: Buffer.from(part.subarray(split + 4)),
    });
    at = next;
  }
  return parts;
}

import { crc32, deflateRawSync } from 'node:zlib';

/**
 * A ZIP with one entry of `unzippedBytes` spaces, deflated to a few hundred kilobytes: what a zip bomb posing as an
 * XLSX looks like to the importer; `declaredBytes` makes its headers lie. Written by hand (APPNOTE 4.3.7, 4.3.12, 4.3.16) so the sizes are the real ones.
 */
export function zipBomb(
  unzippedBytes: number,
  options: { readonly declaredBytes?: number; readonly name?: string } = {},
): Uint8Array {
  const name = options.name ?? 'xl/worksheets/sheet1.xml';
  // A lying bomb declares a small size in its headers; the real one is only found by inflating.
  const declared = options.declaredBytes ?? unzippedBytes;
  const content = Buffer.alloc(unzippedBytes, 0x20);
  const packed = deflateRawSync(content, { level: 9 });
  const fileName = Buffer.from(name);
  const crc = crc32(content);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8); // deflate
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(packed.length, 18);
  local.writeUInt32LE(declared, 22);
  local.writeUInt16LE(fileName.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(packed.length, 20);
  central.writeUInt32LE(declared, 24);
  central.writeUInt16LE(fileName.length, 28);
  const centralOffset = local.length + fileName.length + packed.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + fileName.length, 12);
  end.writeUInt32LE(centralOffset, 16);
  return new Uint8Array(Buffer.concat([local, fileName, packed, central, fileName, end]));
}

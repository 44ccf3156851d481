// Node can decode GB18030 but not encode it; the tests need GBK bytes, as Excel on a Chinese Windows writes them.
// The table is built by decoding every two-byte GBK code once, so the encoder is exactly the decoder's inverse.
let table: Map<string, Uint8Array> | undefined;

function gbkTable(): Map<string, Uint8Array> {
  if (table) return table;
  const decoder = new TextDecoder('gb18030');
  table = new Map();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const bytes = Uint8Array.of(lead, trail);
      const char = decoder.decode(bytes);
      if (!table.has(char)) table.set(char, bytes);
    }
  }
  return table;
}

export function encodeGbk(text: string): Uint8Array {
  const out: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x80) {
      out.push(code);
      continue;
    }
    const bytes = gbkTable().get(char);
    if (!bytes) throw new Error(`no GBK code for ${char}`);
    out.push(...bytes);
  }
  return Uint8Array.from(out);
}

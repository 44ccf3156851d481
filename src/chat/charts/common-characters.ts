// The characters the charts' font subset always holds: what a report can say without a name in it. ASCII and
// Latin-1, general punctuation (— … ‘’ “”), currency signs, arrows (→), CJK punctuation (，。：；（）) and full-width
// forms (￥ ％), and all of GB2312: its 682 symbols and its 6,763 汉字 (levels 1 and 2), which cover the figures'
// texts, stage names, loss reasons and most people's names. A character outside it (a rarer name: 堃, 喆) is drawn
// with the full font, and the subset is rebuilt with it for the next chart (font-subset.ts).

const RANGES: readonly (readonly [number, number])[] = [
  [0x20, 0x7e],
  [0xa0, 0xff],
  [0x2000, 0x206f],
  [0x20a0, 0x20cf],
  [0x2190, 0x21ff],
  [0x3000, 0x303f],
  [0xff00, 0xffef],
];

/** GB2312 rows 1–9 (symbols) and 16–87 (汉字) as EUC-CN lead bytes; row 55 ends at 0xD7F9. */
const GB2312_ROWS: readonly (readonly [number, number])[] = [
  [0xa1, 0xa9],
  [0xb0, 0xf7],
];
const LAST_LEVEL_1 = 0xd7f9;

let characters: string | undefined;

/** The set as one string (each character once), built on first use. */
export function commonCharacters(): string {
  characters ??= [...rangeCharacters(), ...gb2312Characters()].join('');
  return characters;
}

function* rangeCharacters(): Generator<string> {
  for (const [from, to] of RANGES) for (let c = from; c <= to; c++) yield String.fromCodePoint(c);
}

/**
 * Decoded from the encoding itself rather than shipped as a list: Node's TextDecoder reads GB2312 (as GBK, its
 * superset, which is why the cells GB2312 leaves empty are skipped). A Node without full ICU has no GBK decoder:
 * then the set is the ranges alone, and Chinese text is added to the subset as it is met.
 */
function* gb2312Characters(): Generator<string> {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder('gbk', { fatal: true });
  } catch {
    return;
  }
  for (const [first, last] of GB2312_ROWS)
    for (let lead = first; lead <= last; lead++)
      for (let trail = 0xa1; trail <= 0xfe; trail++) {
        if (lead === 0xd7 && (lead << 8) + trail > LAST_LEVEL_1) break;
        const c = decodeOne(decoder, lead, trail);
        if (c) yield c;
      }
}

function decodeOne(decoder: TextDecoder, lead: number, trail: number): string | undefined {
  try {
    const c = decoder.decode(new Uint8Array([lead, trail]));
    // GBK's own additions and the private-use area sit in cells GB2312 leaves empty.
    return c.length === 1 && !(c >= '\ue000' && c <= '\uf8ff') ? c : undefined;
  } catch {
    return undefined;
  }
}

// Turns the many ways people write one phone number into one key, so de-duplication (撞单) sees the same customer.
// Output forms: a Chinese mobile as its 11 digits (13812345678), a Chinese landline with its area code and leading 0
// (02161234567), a number without area code as its digits, and a foreign number as +CCdigits (+14155550100).

// Extensions name a desk, not a customer: "转801", "分机 12", "ext. 12", "x12", "#12" at the very end are dropped.
const EXTENSION = /(?:转|分机|ext\.?|extn\.?|extension|x|#)\s*\d{1,6}$/i;
// Separators people type between digit groups. NFKC has already folded full-width forms (－, （, ／, ．) to ASCII;
// the Unicode dashes (‐ ‑ ‒ – — ― −) and the ideographic space survive NFKC and are listed here.
const SEPARATORS = /[\s\u3000\-\u2010-\u2015\u2212\uFE58\uFE63.()/]/g;
const MOBILE = /^1\d{10}$/;
const MIN_DIGITS = 7;
// E.164 caps a full international number at 15 digits.
const MAX_DIGITS = 15;

export function normalizePhone(raw: string): string | undefined {
  const compact = raw.normalize('NFKC').trim().replace(EXTENSION, '').replace(SEPARATORS, '');
  // Whatever is left must be digits with at most one leading +; letters or stray symbols mean it is not a phone.
  if (!/^\+?\d+$/.test(compact)) return undefined;
  const international = internationalPart(compact);
  const result = international === undefined ? domestic(compact) : withCountryCode(international);
  return result !== undefined && hasPlausibleLength(result) ? result : undefined;
}

// The digits after the international prefix, or undefined for a number dialled inside China.
// "00" is the international call prefix from China, so 0086… and 001… mean the same as +86… and +1….
function internationalPart(compact: string): string | undefined {
  if (compact.startsWith('+')) return compact.slice(1);
  return compact.startsWith('00') ? compact.slice(2) : undefined;
}

function withCountryCode(digits: string): string | undefined {
  if (digits === '') return undefined;
  if (!digits.startsWith('86')) return `+${digits}`;
  const national = digits.slice(2);
  if (MOBILE.test(national)) return national;
  // "+86 21 6123 4567" drops the trunk 0 of the area code; "+86 (0)21…" keeps it. Both become 021….
  return national.startsWith('0') ? national : `0${national}`;
}

function domestic(digits: string): string {
  // A bare 86 counts as the country code only in front of a full mobile number: 8613812345678. Elsewhere 86 may
  // be the start of a local number, so it is kept.
  if (digits.length === 13 && digits.startsWith('86') && MOBILE.test(digits.slice(2))) return digits.slice(2);
  return digits;
}

function hasPlausibleLength(phone: string): boolean {
  const digits = phone.replace('+', '').length;
  return digits >= MIN_DIGITS && digits <= MAX_DIGITS;
}

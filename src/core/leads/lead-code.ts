import type { LeadId } from '../shared/ids.js';
import { leadId } from '../shared/ids.js';

/**
 * Short lead codes (`L-1042`): what people type instead of a 24-hex id. A per-org counter hands out numbers, so a
 * code stays short however many leads an org has (`L-1000000` at a million) and is never reused. Numbering starts
 * at LEAD_CODE_BASE so the first codes have the same length and cannot be mistaken for a count.
 */
export const LEAD_CODE_BASE = 1000;

/** Anything a command or an API path accepts as a lead: a 24-hex id, or a code (`L-1042`, `l1042`, `1042`). */
export type LeadRef = string;

export const formatLeadCode = (n: number): string => `L-${n}`;

/** The number a code was allocated as: the counter's value plus the base. */
export const leadCodeOf = (counter: number): string => formatLeadCode(LEAD_CODE_BASE + counter);

const HEX_ID = /^[0-9a-f]{24}$/i;
// Case-insensitive, the prefix and its dash optional; NFKC first so a full-width "Ｌ－１０４２" reads the same.
const CODE = /^(?:l-?)?(\d{1,12})$/i;

/** What a reference names: an id, a code in its canonical form, or nothing a lead could have. */
export function parseLeadRef(ref: LeadRef): { id: LeadId } | { code: string } | undefined {
  const text = ref
    .normalize('NFKC')
    .trim()
    .replace(/[－–—]/g, '-');
  if (HEX_ID.test(text)) return { id: leadId(text.toLowerCase()) };
  const digits = CODE.exec(text)?.[1];
  return digits ? { code: formatLeadCode(Number(digits)) } : undefined;
}

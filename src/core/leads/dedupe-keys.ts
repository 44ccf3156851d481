import type { LeadInput } from './lead-input.js';
import type { DedupeKeys } from './lead-types.js';
import { normalizeCompany } from './normalize-company.js';

/** The keys two leads of one customer share (phone and email arrive already normalised by the input schema). */
export function dedupeKeys(input: Pick<LeadInput, 'phone' | 'email' | 'company'>): DedupeKeys {
  const company = input.company === undefined ? undefined : normalizeCompany(input.company);
  return {
    ...(input.phone ? { phone: input.phone } : {}),
    ...(input.email ? { email: input.email } : {}),
    ...(company ? { company } : {}),
  };
}

/** Which keys two leads have in common: the words of the 撞单 notice ("same phone"). */
export function sharedKeys(a: DedupeKeys, b: DedupeKeys): (keyof DedupeKeys)[] {
  return (['phone', 'email', 'company'] as const).filter((k) => a[k] !== undefined && a[k] === b[k]);
}

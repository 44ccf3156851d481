import type { Caller } from '../org/index.js';
import { DomainError } from '../shared/errors.js';
import { canSeeLead } from './lead-access.js';
import type { LeadRef } from './lead-code.js';
import type { Lead } from './lead-types.js';
import type { LeadRepository } from './ports.js';
import { findLead } from './resolve-lead-ref.js';

/** One lead with its history (`/lead ID`), for whoever may see it. */
export async function showLead(
  deps: { readonly leads: LeadRepository },
  caller: Caller,
  input: { readonly leadId: LeadRef },
): Promise<Lead> {
  const lead = await findLead(deps.leads, caller.org.id, input.leadId);
  if (!canSeeLead(caller, lead)) throw new DomainError('FORBIDDEN', { action: 'lead.read_all' });
  return lead;
}

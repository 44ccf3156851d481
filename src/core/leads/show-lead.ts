import type { Caller } from '../org/index.js';
import { DomainError } from '../shared/errors.js';
import type { LeadId } from '../shared/ids.js';
import { canSeeLead } from './lead-access.js';
import type { Lead } from './lead-types.js';
import type { LeadRepository } from './ports.js';

/** One lead with its history (`/lead ID`), for whoever may see it. */
export async function showLead(
  deps: { readonly leads: LeadRepository },
  caller: Caller,
  input: { readonly leadId: LeadId },
): Promise<Lead> {
  const lead = await deps.leads.get(caller.org.id, input.leadId);
  if (!lead) throw new DomainError('LEAD_NOT_FOUND', { leadId: input.leadId });
  if (!canSeeLead(caller, lead)) throw new DomainError('FORBIDDEN', { action: 'lead.read_all' });
  return lead;
}

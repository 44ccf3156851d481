import type { Caller } from '../org/index.js';
import { actingMember } from '../org/index.js';
import type { Lead } from './lead-types.js';
import type { LeadRepository } from './ports.js';

/** The acting member's open leads (`/lead` with no argument), newest first. */
export async function listMyLeads(
  deps: { readonly leads: LeadRepository },
  caller: Caller,
  input: { readonly limit: number },
): Promise<Lead[]> {
  const member = actingMember(caller, 'lead.read');
  return (
    (await deps.leads.list(caller.org.id, { ownerId: member.id, pool: 'private', limit: input.limit })) ?? []
  );
}

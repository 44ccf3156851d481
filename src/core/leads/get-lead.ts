import type { Caller } from '../org/index.js';
import { assertCan } from '../org/index.js';
import type { LeadRef } from './lead-code.js';
import type { Lead } from './lead-types.js';
import type { LeadRepository } from './ports.js';
import { findLead } from './resolve-lead-ref.js';

/**
 * One lead by id for API clients (`GET /leads/:id`). An API token reads org-wide or not at all, so the role is
 * checked before the look-up: a token without it learns nothing about which ids exist.
 */
export async function getLead(
  deps: { readonly leads: LeadRepository },
  caller: Caller,
  input: { readonly leadId: LeadRef },
): Promise<Lead> {
  assertCan(caller, 'lead.read_all');
  const lead = await findLead(deps.leads, caller.org.id, input.leadId);
  return lead;
}

import { DomainError } from '../shared/errors.js';
import type { OrgId } from '../shared/ids.js';
import { type LeadRef, parseLeadRef } from './lead-code.js';
import type { Lead } from './lead-types.js';
import type { LeadRepository } from './ports.js';

/**
 * The one resolver every command, button and API path uses: a 24-hex id or a short code (`L-1042`, any case, with
 * or without the prefix) to the org's lead, or undefined. One query either way.
 */
export async function resolveLeadRef(
  leads: Pick<LeadRepository, 'get' | 'findByCode'>,
  org: OrgId,
  ref: LeadRef,
): Promise<Lead | undefined> {
  const parsed = parseLeadRef(ref);
  if (!parsed) return undefined;
  return 'id' in parsed ? leads.get(org, parsed.id) : leads.findByCode(org, parsed.code);
}

/** The same, for use-cases that act on the lead: a ref that names no lead of the org is `LEAD_NOT_FOUND`. */
export async function findLead(
  leads: Pick<LeadRepository, 'get' | 'findByCode'>,
  org: OrgId,
  ref: LeadRef,
): Promise<Lead> {
  const lead = await resolveLeadRef(leads, org, ref);
  if (!lead) throw new DomainError('LEAD_NOT_FOUND', { leadId: ref });
  return lead;
}

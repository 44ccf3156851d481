import type { Caller } from '../org/index.js';
import { assertCan } from '../org/index.js';
import { DomainError } from '../shared/errors.js';
import { canSeeLead } from './lead-access.js';
import type { LeadRef } from './lead-code.js';
import type { Lead } from './lead-types.js';
import type { LeadRepository } from './ports.js';
import { findLead } from './resolve-lead-ref.js';

/**
 * One lead by id for API clients (`GET /leads/:id`). An API token reads org-wide or not at all, so the role is
 * checked before the look-up: a token without it learns nothing about which ids exist. The lead must then be in the
 * caller's data scope, as on every list: a manager's member token reads their teams' leads, not another team's.
 */
export async function getLead(
  deps: { readonly leads: LeadRepository },
  caller: Caller,
  input: { readonly leadId: LeadRef },
): Promise<Lead> {
  assertCan(caller, 'lead.read_all');
  const lead = await findLead(deps.leads, caller.org.id, input.leadId);
  if (!canSeeLead(caller, lead)) throw new DomainError('FORBIDDEN', { action: 'lead.read_all' });
  return lead;
}

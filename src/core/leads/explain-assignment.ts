import type { Caller, MemberRepository } from '../org/index.js';
import { DomainError } from '../shared/errors.js';
import { canSeeAssignment } from './lead-access.js';
import type { LeadRef } from './lead-code.js';
import type { Lead } from './lead-types.js';
import type { LeadRepository } from './ports.js';
import { findLead } from './resolve-lead-ref.js';

/** "Why me?": the lead with its stored assignment, and the names of the team routing chose among. */
export async function explainAssignment(
  deps: { readonly leads: LeadRepository; readonly members: MemberRepository },
  caller: Caller,
  input: { readonly leadId: LeadRef },
): Promise<{ readonly lead: Lead; readonly names: ReadonlyMap<string, string> }> {
  const lead = await findLead(deps.leads, caller.org.id, input.leadId);
  if (!canSeeAssignment(caller, lead)) throw new DomainError('FORBIDDEN', { action: 'lead.read_all' });
  const team = lead.assignment?.teamId
    ? await deps.members.list(caller.org.id, { teamId: lead.assignment.teamId })
    : [];
  return { lead, names: new Map(team.map((m) => [m.id as string, m.name])) };
}

import { canManageLead, findLead, type Lead, type LeadRef, leadScope } from '../leads/index.js';
import { assertCan, type Caller } from '../org/index.js';
import { DomainError } from '../shared/errors.js';
import type { MemberId } from '../shared/ids.js';
import type { AssignDeps } from './assign-lead.js';
import { isHandOverCandidate } from './release-moves.js';

/**
 * Who the caller may give this lead to by hand (the card's 重新分配 button): the active reps of the lead's team
 * other than its owner; a director or admin also any team's. Whether each can take it now is checked on the move.
 */
export async function listAssignChoices(
  deps: Pick<AssignDeps, 'leads' | 'roster'>,
  caller: Caller,
  input: { readonly leadId: LeadRef },
): Promise<{ lead: Lead; members: { memberId: MemberId; name: string }[] }> {
  assertCan(caller, 'lead.assign');
  const lead = await findLead(deps.leads, caller.org.id, input.leadId);
  if (!canManageLead(caller, lead)) throw new DomainError('FORBIDDEN', { action: 'lead.assign' });
  const teamOnly = leadScope(caller).kind === 'team';
  const roster = await deps.roster.loadAll(caller.org.id);
  const members = roster
    .filter((m) => isHandOverCandidate(m, lead.ownerId))
    .filter((m) => !teamOnly || m.teamId === lead.teamId)
    // The lead's own team first: the usual choice.
    .sort((a, b) => Number(b.teamId === lead.teamId) - Number(a.teamId === lead.teamId))
    .map((m) => ({ memberId: m.memberId, name: m.name }));
  return { lead, members };
}

import { canSeeLead, findLead, type Lead, type LeadRef, leadScope, scopeHasTeam } from '../leads/index.js';
import { assertCan, type Caller, can } from '../org/index.js';
import { DomainError } from '../shared/errors.js';
import type { FollowUpId } from '../shared/ids.js';
import type { FollowUp } from './follow-up-types.js';
import type { FollowUpDeps } from './ports.js';

// Who may read and correct follow-up records: whoever may see the lead reads them (canSeeLead); the author, and
// above them their manager (the lead's team is theirs), a director or an admin, corrects them.

/** The lead whose records are asked for, if the caller may see it (a lead they may not see is refused as such). */
export async function visibleLead(
  deps: Pick<FollowUpDeps, 'leads'>,
  caller: Caller,
  ref: LeadRef,
): Promise<Lead> {
  assertCan(caller, 'lead.read');
  const lead = await findLead(deps.leads, caller.org.id, ref);
  if (!canSeeLead(caller, lead)) throw new DomainError('FORBIDDEN', { action: 'lead.read_all' });
  return lead;
}

/** A record and its lead, if the caller may see the lead; an id of another org or none is FOLLOW_UP_NOT_FOUND. */
export async function visibleRecord(
  deps: Pick<FollowUpDeps, 'leads' | 'followUps'>,
  caller: Caller,
  id: string,
): Promise<{ followUp: FollowUp; lead: Lead }> {
  assertCan(caller, 'lead.read');
  const followUp = await deps.followUps.get(caller.org.id, id as FollowUpId);
  if (!followUp) throw new DomainError('FOLLOW_UP_NOT_FOUND', { followUpId: id });
  const lead = await visibleLead(deps, caller, followUp.leadId);
  return { followUp, lead };
}

/** The author corrects their own record; a manager of the lead's team, a director or an admin anyone's. */
export function assertMayCorrect(caller: Caller, followUp: FollowUp, lead: Lead): void {
  if (caller.member?.id === followUp.authorId) return;
  if (can(caller, 'lead.read_org')) return;
  if (can(caller, 'lead.assign') && scopeHasTeam(leadScope(caller), lead.teamId)) return;
  throw new DomainError('FOLLOW_UP_NOT_YOURS', { followUpId: followUp.id });
}

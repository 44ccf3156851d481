import type { Caller } from '../org/index.js';
import { can } from '../org/index.js';
import type { Lead } from './lead-types.js';

// Who may see a lead, in one place for chat, the API and the jobs.

/** Its card and history: managers and up see every lead; others their own and their team's pool. */
export function canSeeLead(caller: Caller, lead: Lead): boolean {
  if (can(caller, 'lead.read_all')) return true;
  const member = caller.member;
  if (!member) return false;
  if (lead.ownerId === member.id) return true;
  return lead.status === 'pooled' && lead.teamId !== undefined && lead.teamId === member.teamId;
}

/** Why routing chose as it did ("why me?"): the owner, the member routing picked, and managers and up. */
export function canSeeAssignment(caller: Caller, lead: Lead): boolean {
  if (can(caller, 'lead.read_all')) return true;
  const member = caller.member;
  return member !== undefined && (lead.ownerId === member.id || lead.assignment?.ownerId === member.id);
}

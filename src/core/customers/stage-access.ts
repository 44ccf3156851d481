import { canManageLead, type Lead } from '../leads/index.js';
import type { Caller } from '../org/index.js';
import { DomainError } from '../shared/errors.js';
import { isClosed, type StageDefinition } from './stage-settings.js';

/**
 * Who may move a lead's stage: its owner (a rep or manager holding it), or who manages it (its team's manager, a
 * director, an admin, an API token with those roles). Out of 成交 or 流失 only the latter: reopening a closed deal
 * is a decision, not a rep's correction.
 */
export function assertMayChangeStage(
  caller: Caller,
  lead: Lead,
  from: StageDefinition,
  to: StageDefinition,
): void {
  if (lead.status === 'duplicate') {
    throw new DomainError('STAGE_NOT_ALLOWED', { leadId: lead.id, originalId: lead.duplicateOf });
  }
  const manages = canManageLead(caller, lead);
  const owns = caller.member !== undefined && lead.ownerId === caller.member.id && lead.status !== 'pooled';
  if (!owns && !manages) throw new DomainError('STAGE_NOT_YOURS', { leadId: lead.id });
  if (isClosed(from) && from.key !== to.key && !manages) {
    throw new DomainError('STAGE_REOPEN_FORBIDDEN', { leadId: lead.id, from: from.name });
  }
}

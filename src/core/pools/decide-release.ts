import { type AuditDeps, recordAudit } from '../audit/index.js';
import type { Lead, ReleaseRecord } from '../leads/index.js';
import { findLead, type LeadRef, leadNotices } from '../leads/index.js';
import { actingMember, assertCan, type Caller } from '../org/index.js';
import { DomainError } from '../shared/errors.js';
import type { MemberId } from '../shared/ids.js';
import { ladderFrom, ladderStart } from './ladder.js';
import { pendingDecision } from './lead-rules.js';
import type { ClaimDeps } from './ports.js';
import { handOverChange } from './release-moves.js';

export type ReleaseDecision = { readonly approveTo: MemberId } | { readonly keep: true };

/**
 * The sales director decides an important lead's release: approve it to one of the offered reps (it moves into
 * their private pool with a fresh clock) or keep it with its owner (a fresh clock too). One conditional write on
 * the version read, so two directors clicking at once cannot both decide.
 */
export async function decideRelease(
  deps: ClaimDeps & AuditDeps,
  caller: Caller,
  input: { readonly leadId: LeadRef; readonly decision: ReleaseDecision },
): Promise<Lead> {
  assertCan(caller, 'lead.decide_release');
  const director = actingMember(caller, 'lead.decide_release');
  const { org } = caller;
  const { decision } = input;
  const lead = await findLead(deps.leads, org.id, input.leadId);
  const id = lead.id;
  const { pending, ownerId } = pendingDecision(lead);
  const at = deps.clock.now();
  const decided = (approval: 'approved' | 'kept', newOwnerId?: MemberId): ReleaseRecord => {
    const { candidates: _offered, ...record } = pending;
    return {
      ...record,
      approval,
      decidedBy: director.id,
      decidedAt: at,
      ...(newOwnerId ? { newOwnerId } : {}),
    };
  };
  const by = { actorId: director.id, actorName: director.name };
  let updated: Lead | undefined;
  if ('keep' in decision) {
    updated = await deps.leads.updateIf(
      org.id,
      id,
      { version: lead.version },
      {
        set: { followUpStatus: 'unfollowed', ...ladderStart(ladderFrom(org, at, lead.reclaimAfterHours)) },
        unset: ['pendingRelease'],
        event: { type: 'release_kept', at, ...by, ownerId, release: decided('kept') },
      },
    );
  } else {
    const target = pending.candidates.find((c) => c.memberId === decision.approveTo);
    if (!target) throw new DomainError('NOT_A_CANDIDATE', { memberId: decision.approveTo });
    const event = {
      type: 'release_approved' as const,
      at,
      ...by,
      ownerId: target.memberId,
      fromOwnerId: ownerId,
      release: decided('approved', target.memberId),
    };
    updated = await deps.leads.updateIf(
      org.id,
      id,
      { version: lead.version },
      handOverChange(org, lead, { id: target.memberId, name: target.name }, 'claimed', event),
    );
    if (updated) {
      await deps.roster.freePoolSlot(org.id, ownerId);
      await deps.roster.addToPool(org.id, target.memberId);
    }
  }
  if (!updated) throw new DomainError('RELEASE_NOT_PENDING', { leadId: id });
  await deps.notifier.publish(org.id, leadNotices(updated));
  await recordAudit(deps, caller, {
    kind: 'lead.approval',
    target: { type: 'lead', id, label: lead.code ?? id },
    before: { ownerId },
    after: { decision: 'keep' in decision ? 'kept' : 'approved', ownerId: updated.ownerId ?? null },
    key: `${id}@${updated.version}`,
  });
  return updated;
}

import type { LeadRepository } from '../../core/leads/ports.js';
import { can } from '../../core/org/permissions.js';
import type { MemberRepository } from '../../core/org/ports.js';
import { type ClaimDeps, claimLead } from '../../core/pools/claim-lead.js';
import { decideRelease } from '../../core/pools/decide-release.js';
import { recordFollowUp } from '../../core/pools/record-follow-up.js';
import { releaseLead } from '../../core/pools/release-lead.js';
import { DomainError } from '../../core/shared/errors.js';
import { leadId, memberId } from '../../core/shared/ids.js';
import type { ActionHandler } from '../registry.js';
import { whyCard } from '../render/why-card.js';

/** Claim (领取) on a lead card: the use-case decides the race; the card itself is updated through the outbox. */
export function claimLeadAction(deps: ClaimDeps): ActionHandler {
  return async ({ org, member, actor, texts }, event) => {
    await claimLead(deps, actor, org, member, leadId(event.value));
    return { replies: [{ text: texts.lead.claimed }] };
  };
}

/** Release (释放) on a lead card: back to the pool, or to the director for an important lead. */
export function releaseLeadAction(deps: ClaimDeps): ActionHandler {
  return async ({ org, member, actor, texts }, event) => {
    const lead = await releaseLead(
      deps,
      actor,
      org,
      member,
      leadId(event.value),
      texts.lead.releaseFromCardReason,
    );
    return { replies: [{ text: lead.pendingRelease ? texts.lead.releaseRequested : texts.lead.released }] };
  };
}

/** 已跟进 on a lead or reminder card: a minimal follow-up that stops the reclaim clock. */
export function followUpLeadAction(deps: ClaimDeps): ActionHandler {
  return async ({ org, member, actor, texts }, event) => {
    await recordFollowUp(deps, actor, org, member, leadId(event.value), texts.lead.followedUpFromCard);
    return { replies: [{ text: texts.lead.followedUp }] };
  };
}

/** The director's buttons on an approval card: give the lead to a rep, or keep it with its owner. */
export function decideReleaseAction(deps: ClaimDeps, kind: 'approve' | 'keep'): ActionHandler {
  return async ({ org, member, actor, texts }, event) => {
    const [lead = '', to = ''] = event.value.split(':');
    const decision = kind === 'keep' ? { keep: true as const } : { approveTo: memberId(to) };
    await decideRelease(deps, actor, org, member, leadId(lead), decision);
    return { replies: [{ text: texts.lead.approval.decided }] };
  };
}

/** "Why me?" (为什么分给我): the stored explanation; the owner and managers may read it. */
export function whyLeadAction(deps: { leads: LeadRepository; members: MemberRepository }): ActionHandler {
  return async ({ org, member, actor, texts }, event) => {
    const lead = await deps.leads.get(org.id, leadId(event.value));
    if (!lead) throw new DomainError('LEAD_NOT_FOUND', { leadId: event.value });
    if (
      lead.ownerId !== member.id &&
      lead.assignment?.ownerId !== member.id &&
      !can(actor, 'lead.read_all')
    ) {
      throw new DomainError('FORBIDDEN', { action: 'lead.read_all' });
    }
    const team = lead.assignment?.teamId
      ? await deps.members.list(org.id, { teamId: lead.assignment.teamId })
      : [];
    const names = new Map(team.map((m) => [m.id as string, m.name]));
    return { replies: [whyCard(lead, names, texts)] };
  };
}

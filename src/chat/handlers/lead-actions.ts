import type { LeadRepository } from '../../core/leads/index.js';
import { explainAssignment, findLead } from '../../core/leads/index.js';
import type { MemberRepository } from '../../core/org/index.js';
import {
  type AssignDeps,
  assignLead,
  type ClaimDeps,
  claimLead,
  decideRelease,
  listAssignChoices,
  releaseLead,
} from '../../core/pools/index.js';
import { leadId, memberId } from '../../core/shared/ids.js';
import { conversationOf } from '../events.js';
import type { ActionHandler } from '../registry.js';
import { LEAD_ACTIONS } from '../render/lead-card.js';
import { whyCard } from '../render/why-card.js';
import { continueFollowUp, type FollowUpFlowDeps } from './follow-up-entry.js';
import { followUpForm } from './follow-up-form.js';

/** Claim (领取) on a lead card: the use-case decides the race; the card itself is updated through the outbox. */
export function claimLeadAction(deps: ClaimDeps): ActionHandler {
  return async ({ caller, texts }, event) => {
    await claimLead(deps, caller, { leadId: leadId(event.value) });
    return { replies: [{ text: texts.lead.claimed }] };
  };
}

/** Release (释放) on a lead card: back to the pool, or to the director for an important lead. */
export function releaseLeadAction(deps: ClaimDeps): ActionHandler {
  return async ({ caller, texts }, event) => {
    const lead = await releaseLead(deps, caller, {
      leadId: leadId(event.value),
      reason: { kind: 'card' },
    });
    return { replies: [{ text: lead.pendingRelease ? texts.lead.releaseRequested : texts.lead.released }] };
  };
}

/**
 * 记录跟进 on a lead or reminder card. Where the platform opens forms (Slack) the follow-up form opens at once (its
 * trigger expires in 3 s, so before any other work); elsewhere the answer shows the one-line grammar with a filled
 * example for this lead and starts the guided exchange, so a plain reply works too.
 */
export function followUpLeadAction(deps: FollowUpFlowDeps): ActionHandler {
  return async (ctx, event) => {
    if (event.formTrigger) return { replies: [], form: followUpForm(ctx, event.value) };
    const lead = await findLead(deps.leads, ctx.org.id, event.value);
    const code = lead.code ?? lead.id;
    const step = { conversation: conversationOf(event), draftId: event.eventId, input: { leadId: code } };
    const asked = await continueFollowUp(deps, ctx, step);
    return { replies: [{ text: ctx.texts.followUps.prompt(code) }, ...asked.replies] };
  };
}

/** The director's buttons on an approval card: give the lead to a rep, or keep it with its owner. */
export function decideReleaseAction(deps: ClaimDeps, kind: 'approve' | 'keep'): ActionHandler {
  return async ({ caller, texts }, event) => {
    const [lead = '', to = ''] = event.value.split(':');
    const decision = kind === 'keep' ? { keep: true as const } : { approveTo: memberId(to) };
    await decideRelease(deps, caller, { leadId: leadId(lead), decision });
    return { replies: [{ text: texts.lead.approval.decided }] };
  };
}

/** "Why me?" (为什么分给我): the stored explanation; the owner and managers may read it. */
export function whyLeadAction(deps: { leads: LeadRepository; members: MemberRepository }): ActionHandler {
  return async ({ caller, texts }, event) => {
    const { lead, names } = await explainAssignment(deps, caller, { leadId: leadId(event.value) });
    return { replies: [whyCard(lead, names, texts)] };
  };
}

/** 重新分配 on a manager's lead card: the members they may give it to, as buttons, and 放回公海. */
export function assignLeadAction(deps: AssignDeps): ActionHandler {
  return async ({ caller, texts }, event) => {
    const { lead, members } = await listAssignChoices(deps, caller, { leadId: event.value });
    const t = texts.lead.assign;
    const choice = (label: string, to: string) => ({
      actionId: LEAD_ACTIONS.assignTo,
      label,
      value: `${lead.id}:${to}`,
    });
    return {
      replies: [
        {
          card: {
            title: t.pick(lead.code ?? lead.id),
            fields: [],
            buttons: [...members.map((m) => choice(m.name, m.memberId)), choice(t.poolButton, 'pool')],
          },
        },
      ],
    };
  };
}

/** One of the choices above: the move itself (its race and limits are the use-case's). */
export function assignLeadToAction(deps: AssignDeps): ActionHandler {
  return async ({ caller, texts }, event) => {
    const [ref = '', to = ''] = event.value.split(':');
    const lead = await assignLead(deps, caller, { leadId: ref, to });
    const t = texts.lead.assign;
    const code = lead.code ?? lead.id;
    return { replies: [{ text: lead.ownerName ? t.done(code, lead.ownerName) : t.toPool(code) }] };
  };
}

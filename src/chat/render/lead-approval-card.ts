import { maskPhone } from '../../core/leads/mask-phone.js';
import type { LeadApprovalData, LeadDecisionData } from '../../core/pools/approval-notices.js';
import type { Button, OutboundMessage } from '../card.js';
import { reasonText } from './event-reason.js';
import type { RenderContext } from './render-context.js';

export const APPROVAL_ACTIONS = { approve: 'lead.approve', keep: 'lead.keep' } as const;

/**
 * The director's card in the team channel: who the customer is, why the lead is leaving whom, and one button per
 * rep it may go to plus "keep". Decided, it shows the decision and no buttons. The channel sees a masked phone.
 */
export function leadApprovalCard(data: LeadApprovalData, ctx: RenderContext): OutboundMessage {
  const t = ctx.texts.lead;
  const a = t.approval;
  const r = data.record;
  const who =
    [data.lead.name, data.lead.company].filter(Boolean).join(' · ') ||
    (data.lead.phone ? maskPhone(data.lead.phone) : '—');
  const owner = r.originalOwnerName ?? '';
  const status =
    r.approval === 'approved'
      ? a.approved(data.newOwnerName ?? '', data.decidedByName ?? '')
      : r.approval === 'kept'
        ? a.kept(owner, data.decidedByName ?? '')
        : a.pending;
  const buttons: Button[] =
    r.approval === 'pending'
      ? [
          ...data.candidates.map((c) => ({
            actionId: APPROVAL_ACTIONS.approve,
            label: a.approveTo(c.name),
            value: `${data.lead.leadId}:${c.memberId}`,
            style: 'primary' as const,
          })),
          { actionId: APPROVAL_ACTIONS.keep, label: a.keepWith(owner), value: data.lead.leadId },
        ]
      : [];
  return {
    card: {
      title: `${a.title}：${who}`,
      status,
      fields: [
        { label: a.type, value: a.types[r.type] },
        { label: a.originalOwner, value: owner },
        { label: a.reason, value: reasonText(r.reason, t, r.type === 'timeout' ? 'reclaimed' : 'released') },
        { label: t.fields.score, value: `${data.lead.score} · ${t.grades[data.lead.grade]}` },
        ...(data.lead.phone ? [{ label: t.fields.phone, value: maskPhone(data.lead.phone) }] : []),
      ],
      buttons,
    },
    // The group copy names the directors (DingTalk and WeCom have no threads; there a mention reaches them). A
    // DM needs none: delivery drops mentions there.
    ...(data.approverIds && data.approverIds.length > 0 && r.approval === 'pending'
      ? { mentions: data.approverIds }
      : {}),
  };
}

/** The reply in the approval thread that tells the old and the new owner. */
export function leadDecisionMessage(data: LeadDecisionData, ctx: RenderContext): OutboundMessage {
  const a = ctx.texts.lead.approval;
  if (data.approval === 'approved') {
    return {
      text: a.threadApproved(data.decidedByName, data.originalOwnerName, data.newOwnerName ?? ''),
      mentions: data.newOwnerId ? [data.originalOwnerId, data.newOwnerId] : [data.originalOwnerId],
    };
  }
  return { text: a.threadKept(data.decidedByName, data.originalOwnerName), mentions: [data.originalOwnerId] };
}

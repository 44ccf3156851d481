import type { LeadReminderData } from '../../core/leads/lead-notices.js';
import type { OutboundMessage } from '../card.js';
import { LEAD_ACTIONS, leadCard } from './lead-card.js';
import { formatTime, type RenderContext } from './render-context.js';

/**
 * "Not followed up — back to the pool at T": to the owner with Follow up / Release, and the copy to their manager
 * with 重新分配 (the same picker as the detail card's: the manager acts by moving the lead, the rep by following it
 * up). Once the lead has moved on (followed up, released, reclaimed) the card says so and offers nothing.
 */
export function leadReminderCard(data: LeadReminderData, ctx: RenderContext): OutboundMessage {
  const t = ctx.texts.lead;
  const base = leadCard(data, ctx).card!;
  // The step, not the recipient, decides the card: the owner's reminder keeps its title whatever copy is drawn.
  const forOwner = data.step === 'nudge';
  const ownerViewing = ctx.to.kind === 'member' && ctx.to.memberId === data.ownerId;
  const open = data.followUpStatus === 'unfollowed' && data.reclaimAt !== undefined && !data.awaitingDecision;
  const at = data.reclaimAt ? formatTime(data.reclaimAt, ctx) : '';
  const body = forOwner ? t.reminder.body(at) : t.reminder.managerBody(data.ownerName ?? '', at);
  return {
    card: {
      ...base,
      title: `${forOwner ? t.reminder.title : t.reminder.managerTitle}：${base.title.split('：').slice(1).join('：') || base.title}`,
      ...(open
        ? { markdown: [body, base.markdown].filter(Boolean).join('\n') }
        : { status: `${t.reminder.done} · ${base.status ?? ''}` }),
      buttons: !open
        ? []
        : forOwner
          ? ownerViewing
            ? [
                { actionId: LEAD_ACTIONS.followUp, label: t.followUp, value: data.leadId, style: 'primary' },
                { actionId: LEAD_ACTIONS.release, label: t.release, value: data.leadId, style: 'danger' },
              ]
            : []
          : // The copy goes to the manager the ladder escalated to; the click is checked again (canManageLead).
            [{ actionId: LEAD_ACTIONS.assign, label: t.assign.button, value: data.leadId }],
    },
  };
}

import type { LinkRequestData } from '../../core/org/request-link.js';
import type { OutboundMessage } from '../card.js';
import type { RenderContext } from './render-context.js';

export const LINK_ACTIONS = { approve: 'member.link_approve', reject: 'member.link_reject' } as const;

/** An admin's card for a link request (Approve / Reject while pending); the member's own copy welcomes them. */
export function linkRequestCard(data: LinkRequestData, ctx: RenderContext): OutboundMessage {
  const t = ctx.texts.link;
  if (ctx.to.kind === 'member' && ctx.to.memberId === data.memberId)
    return { text: t.welcome(data.memberName) };
  const value = `${data.memberId}|${data.platform}|${data.userId}`;
  const status =
    data.state === 'pending'
      ? t.pending
      : data.state === 'approved'
        ? t.approved(data.decidedBy ?? '')
        : t.rejected(data.decidedBy ?? '');
  return {
    card: {
      title: t.title,
      status,
      fields: [],
      markdown: t.body(data.memberName, data.platform, data.userId),
      buttons:
        data.state === 'pending'
          ? [
              { actionId: LINK_ACTIONS.approve, label: t.approve, value, style: 'primary' },
              { actionId: LINK_ACTIONS.reject, label: t.reject, value, style: 'danger' },
            ]
          : [],
    },
  };
}

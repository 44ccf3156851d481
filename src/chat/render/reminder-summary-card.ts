import type { LeadReminderData } from '../../core/leads/lead-notices.js';
import type { OutboundMessage } from '../card.js';
import { LEAD_ACTIONS } from './lead-card.js';
import { formatTime, type RenderContext } from './render-context.js';
import { formatCount, leadLabel } from './summary-lines.js';

/** How many leads one reminder card lists with a button each; more buttons than this crowd a chat card. */
const LISTED = 10;

/**
 * The reminders of one ladder step, told once per person: the rep gets the list with a "followed up" button per
 * lead; a manager's copy lists whose leads they are, with 重新分配 per lead (the picker of the detail card).
 */
export function reminderSummaryCard(leads: readonly LeadReminderData[], ctx: RenderContext): OutboundMessage {
  const s = ctx.texts.lead.summary;
  const byDue = [...leads].sort((a, b) => (a.reclaimAt ?? '').localeCompare(b.reclaimAt ?? ''));
  const listed = byDue.slice(0, LISTED);
  const at = (l: LeadReminderData) => (l.reclaimAt ? formatTime(l.reclaimAt, ctx) : '');
  const more = leads.length > listed.length ? [s.more(formatCount(leads.length - listed.length, ctx))] : [];
  const count = formatCount(leads.length, ctx);
  if (leads[0]?.step === 'manager') {
    return {
      card: {
        title: s.managerTitle(count),
        fields: [],
        markdown: [...listed.map((l) => s.managerLine(l.ownerName ?? '', leadLabel(l), at(l))), ...more].join(
          '\n',
        ),
        buttons: listed.map((l) => ({
          actionId: LEAD_ACTIONS.assign,
          label: s.reassign(leadLabel(l)),
          value: l.leadId,
        })),
      },
    };
  }
  return {
    card: {
      title: s.reminderTitle(count),
      fields: [],
      markdown: [s.reminderBody, ...listed.map((l) => `**${leadLabel(l)}** · ${at(l)}`), ...more].join('\n'),
      buttons: listed.map((l) => ({
        actionId: LEAD_ACTIONS.followUp,
        label: s.followUp(leadLabel(l)),
        value: l.leadId,
      })),
    },
  };
}

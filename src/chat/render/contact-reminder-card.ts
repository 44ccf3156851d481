import type { ContactPlanData } from '../../core/follow-ups/index.js';
import type { OutboundMessage } from '../card.js';
import type { PlanTexts } from '../texts/plan-texts.js';
import { LEAD_ACTIONS } from './lead-card.js';
import { formatTime, type RenderContext } from './render-context.js';
import { formatCount } from './summary-lines.js';

/** 稍后提醒 on a contact reminder: value `leadId:choice` (`1h`, `tomorrow`). */
export const PLAN_ACTIONS = { snooze: 'plan.snooze' } as const;

/** How many missed contacts a manager's card lists by name; the rest are counted. */
const LISTED = 10;

/** Who the customer is: the contact's name and company, else the lead's code. */
export const contactLabel = (d: Pick<ContactPlanData, 'name' | 'company' | 'code' | 'leadId'>) =>
  [d.name, d.company].filter(Boolean).join(' · ') || d.code || d.leadId;

/** "10:00" in the org's time zone: the reminder comes at that time, on that day. */
export function clockTime(iso: string, ctx: Pick<RenderContext, 'locale' | 'timeZone'>): string {
  return new Intl.DateTimeFormat(ctx.locale, {
    timeZone: ctx.timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(new Date(iso));
}

/** A stored outcome key in the reader's words (an org's own outcome is shown as its admin typed it). */
export const outcomeName = (t: PlanTexts, key: string) => t.outcomes[key] ?? key;

/** A snooze choice in the reader's words. */
export function snoozeLabel(t: PlanTexts, choice: string): string {
  const hours = /^(\d+)h$/.exec(choice)?.[1];
  return hours ? t.snoozeChoice.hours(Number(hours)) : t.snoozeChoice.tomorrow;
}

/**
 * The DM at the next contact time: "10:00 联系 王磊 · 上次：约到试用", with 记录跟进 (the follow-up button every card
 * uses) and one 稍后提醒 per snooze choice of the org. Once the lead moved on it says so and offers nothing.
 */
export function contactReminderCard(
  data: ContactPlanData & { readonly done: boolean },
  ctx: RenderContext,
): OutboundMessage {
  const t = ctx.texts.plan;
  const last = data.lastOutcome ? t.reminder.last(outcomeName(t, data.lastOutcome)) : t.reminder.firstContact;
  const line = `${t.reminder.line(clockTime(data.nextContactAt, ctx), contactLabel(data))} · ${last}`;
  return {
    card: {
      title: `${t.reminder.title}：${contactLabel(data)}`,
      fields: data.code ? [{ label: ctx.texts.lead.fields.code, value: data.code }] : [],
      markdown: line,
      ...(data.done ? { status: t.reminder.done } : {}),
      buttons: data.done
        ? []
        : [
            {
              actionId: LEAD_ACTIONS.followUp,
              label: t.reminder.recordFollowUp,
              value: data.leadId,
              style: 'primary',
            },
            ...data.snooze.map((choice) => ({
              actionId: PLAN_ACTIONS.snooze,
              label: t.reminder.snooze(snoozeLabel(t, choice)),
              value: `${data.leadId}:${choice}`,
            })),
          ],
    },
  };
}

/** The manager's card of missed contacts: one per manager per sweep (the outbox coalesces the notices). */
export function missedContactsCard(leads: readonly ContactPlanData[], ctx: RenderContext): OutboundMessage {
  const t = ctx.texts.plan.missed;
  const sorted = [...leads].sort((a, b) => a.nextContactAt.localeCompare(b.nextContactAt));
  const listed = sorted.slice(0, LISTED);
  const more = leads.length > listed.length ? [t.more(formatCount(leads.length - listed.length, ctx))] : [];
  return {
    card: {
      title: t.title(formatCount(leads.length, ctx)),
      fields: [],
      markdown: [
        ...listed.map((l) => t.line(l.ownerName ?? '', contactLabel(l), formatTime(l.nextContactAt, ctx))),
        ...more,
      ].join('\n'),
      buttons: listed.map((l) => ({
        actionId: LEAD_ACTIONS.assign,
        label: ctx.texts.lead.summary.reassign(contactLabel(l)),
        value: l.leadId,
      })),
    },
  };
}

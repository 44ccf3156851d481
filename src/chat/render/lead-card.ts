import type { LeadCardData } from '../../core/leads/lead-notices.js';
import { maskPhone } from '../../core/leads/mask-phone.js';
import type { Button, CardField, OutboundMessage } from '../card.js';
import { reasonText } from './event-reason.js';
import { formatTime, type RenderContext } from './render-context.js';

export const LEAD_ACTIONS = {
  claim: 'lead.claim',
  release: 'lead.release',
  why: 'lead.why',
  followUp: 'lead.follow_up',
  /** A manager's 重新分配: asks whom to (value: lead id), then moves it (value: `leadId:memberId` or `leadId:pool`). */
  assign: 'lead.assign',
  assignTo: 'lead.assign_to',
} as const;

/**
 * The lead card. What decides the rep's next move comes first: who the customer is, status, then the facts.
 * Contact details are shown in full only in the owner's own DM once they have claimed it; a channel always masks.
 */
export function leadCard(data: LeadCardData, ctx: RenderContext): OutboundMessage {
  const t = ctx.texts.lead;
  const viewerOwns = ctx.to.kind === 'member' && ctx.to.memberId === data.ownerId;
  const revealed = viewerOwns && data.status === 'claimed';
  const who = [data.name, data.company].filter(Boolean).join(' · ') || maskedOr(data.phone) || '—';
  const important = data.grade === 'important' ? `【${t.grades.important}】` : '';
  const fields: CardField[] = [
    ...opt(t.fields.code, data.code),
    ...opt(t.fields.company, data.company),
    ...opt(t.fields.region, data.region),
    ...opt(t.fields.productLine, data.productLine),
    {
      label: t.fields.source,
      value: [t.sources[data.source] ?? data.source, data.campaign].filter(Boolean).join(' / '),
    },
    { label: t.fields.score, value: `${data.score} · ${t.grades[data.grade]}` },
    ...opt(t.fields.phone, revealed ? data.phone : maskedOr(data.phone)),
    ...(revealed ? [...opt(t.fields.email, data.email), ...opt(t.fields.wechat, data.wechat)] : []),
    ...opt(t.fields.owner, data.ownerName),
    ...(data.reclaimAt && data.status !== 'pooled'
      ? [{ label: t.fields.reclaimAt, value: formatTime(data.reclaimAt, ctx) }]
      : []),
    ...planFields(data, ctx),
  ];
  return {
    card: {
      title: `${important}${data.status === 'pooled' ? t.poolTitle : t.title}：${who}`,
      status: statusLine(data, ctx),
      fields,
      ...(data.intent ? { markdown: `**${t.fields.intent}**：${data.intent}` } : {}),
      buttons: buttons(data, ctx, viewerOwns),
    },
  };
}

function statusLine(data: LeadCardData, ctx: RenderContext): string {
  const t = ctx.texts.lead;
  if (data.awaitingDecision) return t.awaitingDecision;
  if (data.status === 'claimed' && data.followUpStatus) {
    return `${t.status.claimed(data.ownerName ?? '')} · ${t.followUpStatuses[data.followUpStatus]}`;
  }
  if (data.status === 'pooled' && data.lastEvent?.type === 'reclaimed') {
    return `${t.detail.events.reclaimed}：${reasonText(data.lastEvent.reason, t)}`;
  }
  if (data.status === 'pooled' && data.lastEvent?.type === 'released') {
    return t.releasedBy(data.lastEvent.actorName ?? '', reasonText(data.lastEvent.reason, t, 'released'));
  }
  return t.status[data.status](data.ownerName ?? '');
}

function buttons(data: LeadCardData, ctx: RenderContext, viewerOwns: boolean): Button[] {
  const t = ctx.texts.lead;
  const claim: Button = {
    actionId: LEAD_ACTIONS.claim,
    label: t.claim,
    value: data.leadId,
    style: 'primary',
  };
  const release: Button = {
    actionId: LEAD_ACTIONS.release,
    label: t.release,
    value: data.leadId,
    style: 'danger',
  };
  const why: Button = { actionId: LEAD_ACTIONS.why, label: t.whyMe, value: data.leadId };
  if (ctx.to.kind !== 'member') return data.status === 'pooled' ? [claim] : [];
  if (!viewerOwns || data.awaitingDecision) return viewerOwns ? [why] : [];
  const followUp: Button = { actionId: LEAD_ACTIONS.followUp, label: t.followUp, value: data.leadId };
  const unfollowed = data.followUpStatus === 'unfollowed';
  if (data.status === 'assigned') return [claim, release, why];
  if (data.status === 'claimed') return unfollowed ? [followUp, release, why] : [release, why];
  return [];
}

const DAY_MS = 86_400_000;
/** Under this many days left, the countdown is marked (⚠). */
const SOON_DAYS = 3;

/**
 * The contact plan on the card: the stage (by the org's name for it, else the default list's), the
 * next contact, and for a `following` lead the days left before it is reclaimed, marked when under three.
 */
function planFields(data: LeadCardData, ctx: RenderContext): CardField[] {
  if (data.status === 'pooled') return [];
  const p = ctx.texts.plan;
  const fields: CardField[] = [];
  // The name the org's stage list gave it when entered (an admin's renaming shows); else the default list's words.
  const stage = data.stageKey ? (data.stageName ?? p.stages[data.stageKey] ?? data.stageKey) : undefined;
  if (stage) fields.push({ label: p.card.stage, value: stage });
  if (data.nextContactAt) {
    fields.push({ label: p.card.nextContact, value: formatTime(data.nextContactAt, ctx) });
  }
  if (data.staleAt) {
    const left = (new Date(data.staleAt).getTime() - (ctx.now ?? new Date()).getTime()) / DAY_MS;
    const days = Math.max(0, Math.ceil(left));
    const text = days < SOON_DAYS ? p.card.reclaimSoon(days) : p.card.reclaimIn(days);
    fields.push({ label: t(ctx).fields.reclaimAt, value: text });
  }
  return fields;
}

const t = (ctx: RenderContext) => ctx.texts.lead;
const maskedOr = (phone: string | undefined) => (phone ? maskPhone(phone) : undefined);
const opt = (label: string, value: string | undefined): CardField[] => (value ? [{ label, value }] : []);

import type { ContactPlanData } from '../../core/follow-ups/index.js';
import type { LeadCardData, LeadReminderData } from '../../core/leads/lead-notices.js';
import type { LeadMovedAwayData } from '../../core/pools/moved-away-notices.js';
import type { Notice, NoticeDataByKind, NoticeKind } from '../../core/shared/notices.js';
import type { OutboundMessage } from '../card.js';
import type { SummaryKind } from '../outbox/coalesce-group.js';
import { agendaCard } from './agenda-card.js';
import { backupDrillCard, backupFailedCard } from './backup-card.js';
import { complaintCard } from './complaint-card.js';
import { contactReminderCard, missedContactsCard } from './contact-reminder-card.js';
import { exportEmptyMessage, exportFailedMessage, exportFileMessage } from './export-message.js';
import { handOffCard } from './hand-off-card.js';
import { handedOverCard } from './handed-over-card.js';
import { leadApprovalCard, leadDecisionMessage } from './lead-approval-card.js';
import { leadCard } from './lead-card.js';
import { leadDuplicateCard } from './lead-duplicate-card.js';
import { leadMovedAwayCard, movedAwaySummaryCard } from './lead-moved-away-card.js';
import { leadReminderCard } from './lead-reminder-card.js';
import { linkRequestCard } from './link-request-card.js';
import { memberStatusCard } from './member-status-card.js';
import { ownerSummaryCard, poolSummaryCard } from './pool-summary-card.js';
import { quoteCard } from './quote-card.js';
import { reminderSummaryCard } from './reminder-summary-card.js';
import type { RenderContext } from './render-context.js';
import { reportCard } from './report-card.js';
import { taskCard } from './task-card.js';

type Renderers = {
  readonly [K in NoticeKind]: (data: NoticeDataByKind[K], ctx: RenderContext) => OutboundMessage;
};

/** One renderer per notice kind; a kind without one does not compile. */
const RENDERERS: Renderers = {
  'member.status': (data, ctx) => memberStatusCard(data, ctx.texts),
  'lead.card': leadCard,
  'lead.duplicate': leadDuplicateCard,
  'lead.reminder': leadReminderCard,
  'lead.approval': leadApprovalCard,
  'lead.decision': leadDecisionMessage,
  'member.link_request': linkRequestCard,
  'lead.moved_away': leadMovedAwayCard,
  'after_sales.complaint': complaintCard,
  'after_sales.task': taskCard,
  'stage.quote': quoteCard,
  'customer.hand_off': handOffCard,
  'plan.reminder': contactReminderCard,
  'plan.missed': (data, ctx) => missedContactsCard([data], ctx),
  'plan.agenda': agendaCard,
  'report.card': reportCard,
  'backup.failed': backupFailedCard,
  'backup.drill': backupDrillCard,
  'member.handed_over': handedOverCard,
  'export.file': exportFileMessage,
  'export.empty': exportEmptyMessage,
  'export.failed': exportFailedMessage,
};

export function renderNotice(notice: Pick<Notice, 'kind' | 'data'>, ctx: RenderContext): OutboundMessage {
  const render = RENDERERS[notice.kind] as (data: unknown, ctx: RenderContext) => OutboundMessage;
  return render(notice.data, ctx);
}

/** One renderer per kind of burst (outbox/coalesce-group.ts): several notices told in one card. */
const SUMMARY_RENDERERS: {
  readonly [K in SummaryKind]: (data: readonly never[], ctx: RenderContext) => OutboundMessage;
} = {
  pool: (data, ctx) => poolSummaryCard(data as readonly LeadCardData[], ctx),
  owner: (data, ctx) => ownerSummaryCard(data as readonly LeadCardData[], ctx),
  reminder: (data, ctx) => reminderSummaryCard(data as readonly LeadReminderData[], ctx),
  moved: (data, ctx) => movedAwaySummaryCard(data as readonly LeadMovedAwayData[], ctx),
  missed: (data, ctx) => missedContactsCard(data as readonly ContactPlanData[], ctx),
};

export function renderSummary(
  kind: SummaryKind,
  notices: readonly Pick<Notice, 'data'>[],
  ctx: RenderContext,
): OutboundMessage {
  return SUMMARY_RENDERERS[kind](notices.map((n) => n.data) as never[], ctx);
}

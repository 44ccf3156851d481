import type { TaskWorkDeps } from '../../core/after-sales/index.js';
import type { AuditLog } from '../../core/audit/index.js';
import type { StageDeps } from '../../core/customers/index.js';
import type { DueLeadsDeps, FollowUpDeps } from '../../core/follow-ups/index.js';
import type { OffboardDeps, OffboardingStore } from '../../core/offboarding/index.js';
import type { ManagedApiTokens } from '../../core/org/managed-api-tokens.js';
import type { SetAvailabilityDeps } from '../../core/org/set-member-availability.js';
import type { AssignDeps } from '../../core/pools/index.js';
import { DomainError } from '../../core/shared/errors.js';
import { draftTextHandler } from '../drafts/draft-text-handler.js';
import type { ChatDraftStore } from '../drafts/draft-types.js';
import type { Registry } from '../registry.js';
import { COMPLAINT_ACTIONS } from '../render/complaint-card.js';
import { PLAN_ACTIONS } from '../render/contact-reminder-card.js';
import { APPROVAL_ACTIONS } from '../render/lead-approval-card.js';
import { LEAD_ACTIONS } from '../render/lead-card.js';
import { LINK_ACTIONS } from '../render/link-request-card.js';
import { SET_AVAILABILITY_ACTION } from '../render/member-status-card.js';
import { REPORT_CARD_ACTIONS } from '../render/report-card.js';
import { TASK_ACTIONS } from '../render/task-card.js';
import { dueListCommand } from './agenda-commands.js';
import { assignComplaintAction, chooseComplaintOrderAction } from './complaint-actions.js';
import { complaintCommand } from './complaint-command.js';
import { complaintDraftAnswerer } from './complaint-draft.js';
import type { ComplaintChatDeps } from './complaint-flow.js';
import { COMPLAINT_FORM, complaintSubmit } from './complaint-form.js';
import { type DashboardChatDeps, dashboardCommand, openDashboardAction } from './dashboard-command.js';
import { type ExportChatDeps, exportCommand } from './export-command.js';
import { followUpCommand } from './follow-up-command.js';
import { followUpDraftAnswerer } from './follow-up-draft.js';
import { FOLLOW_UP_FORM, followUpSubmit } from './follow-up-form.js';
import { helpCommand } from './help-command.js';
import { hoursCommand, hoursDraftAnswerer } from './hours-command.js';
import { HOURS_FORM, hoursSubmit } from './hours-form.js';
import {
  assignLeadAction,
  assignLeadToAction,
  claimLeadAction,
  decideReleaseAction,
  followUpLeadAction,
  releaseLeadAction,
  whyLeadAction,
} from './lead-actions.js';
import { leadCommand } from './lead-command.js';
import { decideLinkAction, linkCommand } from './link-handlers.js';
import {
  memberCommand,
  OFFBOARD_ACTIONS,
  offboardCancelAction,
  offboardConfirmAction,
  offboardPickAction,
} from './member-command.js';
import { poolCommand } from './pool-command.js';
import { type ReportChatDeps, reportCommand } from './report-command.js';
import { setAvailabilityAction } from './set-availability-action.js';
import { snoozeAction } from './snooze-action.js';
import { stageCommand } from './stage-command.js';
import { pauseTaskAction, reportHoursAction, resumeTaskAction, startTaskAction } from './task-actions.js';
import {
  ADJUST_FORM,
  adjustDraftAnswerer,
  adjustSubmit,
  approveHoursAction,
  askDecisionAction,
  RETURN_FORM,
  returnDraftAnswerer,
  returnSubmit,
} from './task-decision.js';
import { tasksCommand } from './tasks-command.js';
import { tokenCommand } from './token-command.js';

export type HandlerDeps = SetAvailabilityDeps &
  AssignDeps &
  FollowUpDeps &
  StageDeps &
  DueLeadsDeps &
  ComplaintChatDeps &
  TaskWorkDeps &
  ReportChatDeps & { readonly drafts: ChatDraftStore } & Partial<DashboardChatDeps> &
  Partial<Pick<ExportChatDeps, 'exportRequests' | 'onExportQueued'>> & {
    /** Offboarding's store (`/member leave`); a chat built without it (core fakes) does not know the command. */
    readonly offboarding?: OffboardingStore;
    /** The org's API tokens (`/token`); a chat built without them (core fakes) does not know the command. */
    readonly tokens?: ManagedApiTokens;
    /** The audit trail, where a member's token made or revoked in chat is recorded. */
    readonly audit?: AuditLog;
  };

/** Wires every button and command to its handler; the same table serves all platforms. */
export function registerHandlers(registry: Registry, deps: HandlerDeps): Registry {
  return (
    registry
      .onCommand('help', helpCommand)
      .onCommand('lead', leadCommand(deps))
      .onCommand('pool', poolCommand(deps))
      .onCommand('followup', followUpCommand(deps))
      .onCommand('stage', stageCommand(deps))
      .onCommand('today', dueListCommand(deps, 'today'))
      .onCommand('overdue', dueListCommand(deps, 'overdue'))
      .onCommand('stalled', dueListCommand(deps, 'stalled'))
      .onCommand('complaint', complaintCommand(deps))
      .onCommand('hours', hoursCommand(deps))
      .onCommand('tasks', tasksCommand(deps))
      .onCommand('report', reportCommand(deps))
      .onCommand('export', exportLinkCommand(deps))
      .onCommand('dashboard', dashboardLinkCommand(deps))
      .onCommand('member', withOffboarding(deps, memberCommand, 'member'))
      .onCommand('token', tokenLinkCommand(deps))
      .onAction(OFFBOARD_ACTIONS.confirm, withOffboarding(deps, offboardConfirmAction))
      .onAction(OFFBOARD_ACTIONS.cancel, withOffboarding(deps, offboardCancelAction))
      .onAction(OFFBOARD_ACTIONS.pick, withOffboarding(deps, offboardPickAction))
      .onAction(REPORT_CARD_ACTIONS.openDashboard, dashboardLinkAction(deps))
      // A member who is linked already (they are typing from a linked account) is simply told so.
      .onCommand('link', async ({ member, texts }) => ({
        replies: [{ text: texts.link.welcome(member.name) }],
      }))
      .onUnlinkedCommand('link', linkCommand(deps))
      // Plain text answers the member's draft in that conversation (each kind of draft has its answerer).
      .onText(
        draftTextHandler(deps, {
          'follow-up': followUpDraftAnswerer(deps),
          complaint: complaintDraftAnswerer(deps),
          ...taskDraftAnswerers(deps),
        }),
      )
      .onSubmit(FOLLOW_UP_FORM, followUpSubmit(deps))
      .onSubmit(COMPLAINT_FORM, complaintSubmit(deps))
      .onSubmit(HOURS_FORM, hoursSubmit(deps))
      .onSubmit(ADJUST_FORM, adjustSubmit(deps))
      .onSubmit(RETURN_FORM, returnSubmit(deps))
      .onAction(COMPLAINT_ACTIONS.assign, assignComplaintAction(deps))
      .onAction(COMPLAINT_ACTIONS.chooseOrder, chooseComplaintOrderAction(deps))
      .onAction(TASK_ACTIONS.start, startTaskAction(deps))
      .onAction(TASK_ACTIONS.pause, pauseTaskAction(deps))
      .onAction(TASK_ACTIONS.resume, resumeTaskAction(deps))
      .onAction(TASK_ACTIONS.report, reportHoursAction(deps))
      .onAction(TASK_ACTIONS.approve, approveHoursAction(deps))
      .onAction(TASK_ACTIONS.adjust, askDecisionAction(deps, 'adjust'))
      .onAction(TASK_ACTIONS.return, askDecisionAction(deps, 'return'))
      .onAction(SET_AVAILABILITY_ACTION, setAvailabilityAction(deps))
      .onAction(LEAD_ACTIONS.claim, claimLeadAction(deps))
      .onAction(LEAD_ACTIONS.release, releaseLeadAction(deps))
      .onAction(LEAD_ACTIONS.why, whyLeadAction(deps))
      .onAction(LEAD_ACTIONS.followUp, followUpLeadAction(deps))
      .onAction(LEAD_ACTIONS.assign, assignLeadAction(deps))
      .onAction(LEAD_ACTIONS.assignTo, assignLeadToAction(deps))
      .onAction(PLAN_ACTIONS.snooze, snoozeAction(deps))
      .onAction(APPROVAL_ACTIONS.approve, decideReleaseAction(deps, 'approve'))
      .onAction(APPROVAL_ACTIONS.keep, decideReleaseAction(deps, 'keep'))
      .onAction(LINK_ACTIONS.approve, decideLinkAction(deps, true))
      .onAction(LINK_ACTIONS.reject, decideLinkAction(deps, false))
  );
}

/** The task side's drafts: the hours report, and the manager's adjusted hours or return reason. */
const taskDraftAnswerers = (deps: HandlerDeps) => ({
  'task-hours': hoursDraftAnswerer(deps),
  'task-adjust': adjustDraftAnswerer(deps),
  'task-return': returnDraftAnswerer(deps),
});

/** `/看板` where the sign-in links are stored (the service); a chat built without them (core fakes) says it is unknown. */
function dashboardLinkCommand(deps: HandlerDeps) {
  const { dashboardAccess } = deps;
  return dashboardAccess
    ? dashboardCommand({ ...deps, dashboardAccess })
    : async () => {
        throw new DomainError('UNKNOWN_COMMAND', { command: 'dashboard' });
      };
}

/** `/导出`, where the requests' store is wired (the export runner with it); elsewhere an unknown command. */
function exportLinkCommand(deps: HandlerDeps) {
  const { exportRequests } = deps;
  return exportRequests
    ? exportCommand({ ...deps, exportRequests })
    : async () => {
        throw new DomainError('UNKNOWN_COMMAND', { command: 'export' });
      };
}

/** `/令牌` where the tokens are stored (the service); elsewhere an unknown command. */
function tokenLinkCommand(deps: HandlerDeps) {
  const { tokens } = deps;
  return tokens
    ? tokenCommand({ ...deps, tokens })
    : async () => {
        throw new DomainError('UNKNOWN_COMMAND', { command: 'token' });
      };
}

/** 打开看板 on the report card, likewise only where the sign-in links are stored. */
function dashboardLinkAction(deps: HandlerDeps) {
  const { dashboardAccess } = deps;
  return dashboardAccess
    ? openDashboardAction({ ...deps, dashboardAccess })
    : async () => {
        throw new DomainError('UNKNOWN_ACTION', { actionId: REPORT_CARD_ACTIONS.openDashboard });
      };
}

/** An offboarding handler where the store is wired (the service); elsewhere the command or click is unknown. */
function withOffboarding<H extends (...args: never[]) => Promise<unknown>>(
  deps: HandlerDeps,
  make: (d: OffboardDeps) => H,
  command?: 'member',
): H {
  const { offboarding } = deps;
  if (offboarding) return make({ ...deps, offboarding });
  return (async () => {
    throw command
      ? new DomainError('UNKNOWN_COMMAND', { command })
      : new DomainError('UNKNOWN_ACTION', { actionId: 'member.leave' });
  }) as unknown as H;
}

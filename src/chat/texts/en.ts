import { afterSalesErrorsEn, afterSalesTextsEn } from './after-sales-texts-en.js';
import { backupTextsEn } from './backup-texts-en.js';
import type { Catalogue, CommandName } from './catalogue.js';
import { chartTextsEn } from './chart-texts-en.js';
import { complaintChatTextsEn, complaintErrorsEn } from './complaint-chat-texts-en.js';
import { dashboardErrorsEn, dashboardTextsEn } from './dashboard-texts-en.js';
import { exportChatTextsEn } from './export-chat-texts-en.js';
import { exportErrorsEn } from './export-texts-en.js';
import { describeIssues } from './field-issues.js';
import { followUpErrorsEn } from './follow-up-errors-en.js';
import { draftTextsEn, followUpTextsEn } from './follow-up-texts-en.js';
import { when } from './format-when.js';
import { leadTextsEn } from './lead-texts-en.js';
import { offboardingTextsEn } from './offboarding-texts-en.js';
import { orderErrorsEn } from './order-texts-en.js';
import { perCommand } from './per-command.js';
import { planTextsEn } from './plan-texts-en.js';
import { reportTextsEn } from './report-texts-en.js';
import { stageErrorsEn, stageTextsEn } from './stage-texts-en.js';
import { taskChatTextsEn } from './task-chat-texts-en.js';
import { tokenTextsEn } from './token-texts-en.js';

const field = (details: Readonly<Record<string, unknown>>): string => describeIssues(details, 'en');

/** One line per command: the help card, and the answer to a command typed in the wrong form. */
const COMMAND_HELP: Readonly<Record<CommandName, string>> = {
  lead: '/lead — my open leads · /lead ID — a lead and its history · /lead claim ID · /lead release ID reason · /lead assign ID member|pool [reason] (managers, directors, admins)',
  pool: '/pool — show the public pool leads you can claim',
  followup:
    '/followup ID phone|wechat|visit|email|other [outcome] next TIME text — record a follow-up, e.g. /followup L-1042 phone trial-booked next "tomorrow 10am" customer wants a quote',
  stage:
    '/stage ID STAGE [amount … items … | contract … amount … signed … | reason …] — move a lead to a stage · /stage ID — its stage and history',
  today: '/today — the customers to contact today',
  overdue: '/overdue — customers whose contact time has passed',
  stalled: '/stalled — promising customers with no progress for days',
  complaint:
    '/complaint CUSTOMER ORDER PROBLEM — file an after-sales complaint, e.g. /complaint Acme SO-2024-017 device will not start',
  hours:
    "/hours TASK done TIME HOURS RESULT — log a task's hours, e.g. /hours T-12 done 16:30 3.5h replaced the power module",
  tasks: '/tasks — your open after-sales tasks (overdue first)',
  report:
    '/report [this week|last week|this month|last month|2026-11] [team] — the report card with charts, e.g. /report last week East · /report channels · /report after-sales · /report heatmap',
  export:
    '/export follow-ups|leads|customers|orders|complaints|tasks [this-week|last-week|this-month|last-month|2026-11] [team] — the file arrives in your DM, e.g. /export follow-ups this-month',
  dashboard: '/dashboard — open the dashboard (a sign-in link, good for 10 minutes, sent to you privately)',
  link: '/link NAME — link your chat account to your member (an admin approves)',
  member:
    '/member leave NAME to RECEIVER|pool — offboard a member: leads handed over, tasks to the after-sales manager, tokens revoked, chat accounts unlinked (admins; asks to confirm first)',
  token:
    '/token — your API tokens · /token new NAME — make one (shown once) · /token revoke PREFIX|NAME (in your direct chat with the bot only)',
  help: '/help — show this help',
};

const usage = (d: Readonly<Record<string, unknown>>): string => perCommand(COMMAND_HELP, d);

export const en: Catalogue = {
  roles: {
    admin: 'Admin',
    director: 'Sales director',
    manager: 'Manager',
    rep: 'Sales rep',
    aftersales: 'After-sales',
    aftersales_manager: 'After-sales manager',
  },
  levels: { intern: 'Intern', junior: 'Junior', senior: 'Senior' },
  errors: {
    ...followUpErrorsEn,
    ...afterSalesErrorsEn,
    ...complaintErrorsEn,
    ...dashboardErrorsEn,
    ...stageErrorsEn,
    ...orderErrorsEn,
    ...exportErrorsEn,
    ...offboardingTextsEn.errors,
    ...tokenTextsEn.errors,
    VALIDATION_FAILED: (d) => `Some input is not valid: ${field(d)}`,
    NOT_FOUND: () => 'Nothing was found to act on.',
    CONFLICT: () => 'Someone else changed this just now; refresh and try again.',
    PAYLOAD_TOO_LARGE: () => 'That is too large; split it up and send it again.',
    UNSUPPORTED_MEDIA_TYPE: () =>
      'Send the body as JSON: Content-Type: application/json (UTF-8, the only charset taken).',
    ORG_NOT_FOUND: () => 'This organisation was not found; ask your admin.',
    TEAM_NOT_FOUND: () => 'That team was not found.',
    MEMBER_NOT_FOUND: () => 'That member was not found.',
    MEMBER_INACTIVE: () => 'That member is inactive.',
    FORBIDDEN: (d) =>
      `You are not allowed to do this (${String(d.action ?? '')}); ask an admin or your manager.`,
    UNAUTHENTICATED: () => 'The API token is missing or not valid.',
    IDENTITY_NOT_LINKED: () =>
      'Your chat account is not linked to a Leadrelay member yet. Send "/link YOUR NAME" to ask; an admin approves it.',
    LEAD_NOT_FOUND: () => 'That lead was not found; check its id.',
    LEAD_ALREADY_CLAIMED: (d) =>
      `Too late: ${String(d.ownerName || 'someone else')} has already claimed this lead.`,
    LEAD_ASSIGNED_TO_OTHER: (d) =>
      `This lead is assigned to ${String(d.ownerName || 'a colleague')}; only they can claim it.`,
    LEAD_IS_DUPLICATE: () =>
      'This lead is a duplicate (撞单) and cannot be claimed; talk to the owner of the original.',
    LEAD_NOT_YOURS: (d) =>
      d.action === 'follow_up'
        ? 'This lead is not yours; only its owner can record a follow-up.'
        : 'Only the owner of a lead can release it.',
    LEAD_NOT_IN_YOUR_TEAM: () => "This pool lead belongs to another team; you can't claim it.",
    INTERN_IMPORTANT_LEAD: () => 'Interns cannot claim important leads.',
    PRIVATE_POOL_FULL: (d) =>
      `Your private pool is full (${String(d.capacity ?? '')} leads); follow up or release some leads first.`,
    BATCH_TOO_LARGE: (d) =>
      `At most ${String(d.max ?? 1000)} leads per request (got ${String(d.got ?? '')}); send them in smaller batches.`,
    IDEMPOTENCY_KEY_REUSED: (d) =>
      `This ${d.matchedOn === 'externalId' ? 'source + externalId' : 'Idempotency-Key'} was already used for a different lead (${String(d.leadId ?? '')}); use a new key for a new lead, or send exactly the same lead to retry.`,
    POOL_CLAIM_LIMIT: (d) =>
      `You have claimed today's limit from the pool (${String(d.limit ?? '')}); you can claim again from ${when(d, 'en')}.`,
    CLAIM_COOLDOWN: (d) =>
      `You released or lost this lead just now; you can claim it back from ${when(d, 'en')}.`,
    LEAD_NOT_RELEASABLE: () => 'This lead is waiting for a director’s decision; try again after it.',
    RELEASE_NOT_PENDING: () => 'This release request has already been decided.',
    NOT_A_CANDIDATE: () => 'That member is not one of the choices; use a button on the card.',
    UNKNOWN_COMMAND: (d) =>
      `Unknown command "${String(d.command ?? '')}". Send /help to see what you can do.`,
    UNKNOWN_ACTION: () => 'This button no longer works; refresh the card.',
    BAD_COMMAND_ARGS: (d) => `That command needs a different form. ${usage(d)}`,
    ASSIGNEE_NOT_ELIGIBLE: (d) =>
      `${String(d.name ?? '')} can't take this lead now: ${leadTextsEn.skipReasons[d.why as keyof typeof leadTextsEn.skipReasons] ?? ''}.`,
  },
  memberStatus: {
    title: 'My status',
    greeting: (name) =>
      `Hello ${name}! I am Leadrelay: I bring you new leads and remind you to follow them up in time.`,
    team: 'Team',
    level: 'Level',
    dailyCap: 'Daily cap',
    status: 'Status',
    available: 'Available, receiving leads',
    onLeave: 'On leave, no new leads',
    goOnLeave: 'Go on leave',
    backToWork: 'Back to work',
    noTeam: 'No team',
    role: 'Role',
    roleGreeting: (name, roles) =>
      `Hi ${name}! I am Leadrelay. Your role is ${roles}: you receive no assigned leads; approvals, reminders and notices that concern you come here. Send /help for the commands.`,
  },
  help: {
    title: 'Leadrelay commands',
    intro: 'Type one of these to the bot (the slash is optional):',
    commands: COMMAND_HELP,
    aliasesNote: 'Chinese commands work too: /线索 /公海 /跟进 /投诉 /工时 /报表 /绑定 /帮助',
  },
  lead: leadTextsEn,
  afterSales: afterSalesTextsEn,
  complaintChat: complaintChatTextsEn,
  charts: chartTextsEn,
  taskChat: taskChatTextsEn,
  dashboard: dashboardTextsEn,
  stage: stageTextsEn,
  plan: planTextsEn,
  report: reportTextsEn,
  exports: exportChatTextsEn,
  backups: backupTextsEn,
  offboarding: offboardingTextsEn,
  tokens: tokenTextsEn,
  followUps: followUpTextsEn,
  drafts: draftTextsEn,
  link: {
    title: 'Account link request',
    body: (member, platform, userId) =>
      `${platform} user ${userId} asks to be linked as member "${member}". Approve only once you know it is them.`,
    approve: 'Approve',
    reject: 'Reject',
    pending: 'Waiting for an admin',
    approved: (by) => `Approved (${by})`,
    rejected: (by) => `Rejected (${by})`,
    welcome: (name) => `${name}, your account is linked: Leadrelay is ready. Send /help to see the commands.`,
    requested: (name) =>
      `Your request to be linked as "${name}" went to the admins; you will hear when it is approved.`,
    done: 'Done.',
  },
  availabilityChanged: (onLeave) =>
    onLeave
      ? 'You are on leave: no new leads will be assigned to you.'
      : 'Welcome back: leads will reach you again.',
  somethingWentWrong: (reference) =>
    `Something went wrong; please try again. If it keeps failing, send reference ${reference} to your admin.`,
};

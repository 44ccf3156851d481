import { Schema, type Types } from 'mongoose';
import { LEAD_STATUSES } from '../../core/leads/lead-types.js';

/** The stored lead. Sub-documents are kept plain (Mixed-like) and written whole by the repository. */
export type LeadDoc = {
  _id: Types.ObjectId;
  orgId: Types.ObjectId;
  /** The short code (`L-1042`), unique in the org. */
  code?: string;
  contact: { name?: string; phone?: string; email?: string; company?: string; wechat?: string };
  region?: string;
  productLine?: string;
  source: string;
  campaign?: string;
  intent?: string;
  tags: string[];
  externalId?: string;
  /** With its kind's prefix (`single:`, `batch:`); keys stored before the prefixes still read, but replay nothing. */
  idempotencyKey?: string;
  /** SHA-256 of the validated input that created the lead: a replay with another body is refused. */
  fingerprint?: string;
  score: number;
  grade: 'normal' | 'important';
  status: (typeof LEAD_STATUSES)[number];
  teamId?: Types.ObjectId;
  ownerId?: Types.ObjectId;
  ownerName?: string;
  duplicateOf?: Types.ObjectId;
  duplicateOwnerId?: Types.ObjectId;
  duplicateMatch?: string[];
  keys?: { phone?: string; email?: string; company?: string };
  assignment?: Record<string, unknown>;
  assignedAt?: Date;
  claimedAt?: Date;
  nudgeAt?: Date;
  managerAt?: Date;
  reclaimAt?: Date;
  /** The current owner's first follow-up time (core/reports: response time, the unfollowed rate). */
  respondedAt?: Date;
  /** The latest reclaim by the deadline job: when, and from whom (core/reports: reclaims per rep). */
  lastReclaim?: { at: Date; fromOwnerId: Types.ObjectId; stale: boolean };
  followUpStatus?: 'unfollowed' | 'following';
  reclaimAfterHours?: number;
  dueStep?: 'nudge' | 'manager' | 'reclaim';
  dueAt?: Date;
  cooldowns?: { memberId: string; until: Date }[];
  pendingRelease?: Record<string, unknown>;
  /** 客户阶段, the contact plan and the latest follow-up: plain sub-documents written whole by core's changes. */
  stage?: Record<string, unknown>;
  plan?: Record<string, unknown>;
  lastFollowUp?: Record<string, unknown>;
  customerId?: Types.ObjectId;
  /** The newest HISTORY_LIMIT events. */
  history: Record<string, unknown>[];
  /** Every event ever appended; `historyTotal - history.length` were dropped (see changeToUpdate). */
  historyTotal?: number;
  version: number;
  /** Set by every write that calls for notices; the notice sweep publishes them again and clears it. */
  noticesPending?: boolean;
  createdAt: Date;
  updatedAt: Date;
};

export const leadSchema = new Schema<LeadDoc>(
  {
    orgId: { type: Schema.Types.ObjectId, required: true },
    code: String,
    contact: { type: Schema.Types.Mixed, default: {} },
    region: String,
    productLine: String,
    source: { type: String, required: true },
    campaign: String,
    intent: String,
    tags: { type: [String], default: [] },
    externalId: String,
    idempotencyKey: String,
    fingerprint: String,
    score: { type: Number, required: true },
    grade: { type: String, enum: ['normal', 'important'], required: true },
    status: { type: String, enum: LEAD_STATUSES, required: true },
    teamId: Schema.Types.ObjectId,
    ownerId: Schema.Types.ObjectId,
    ownerName: String,
    duplicateOf: Schema.Types.ObjectId,
    duplicateOwnerId: Schema.Types.ObjectId,
    duplicateMatch: { type: [String], default: undefined },
    keys: { type: Schema.Types.Mixed },
    assignment: { type: Schema.Types.Mixed },
    assignedAt: Date,
    claimedAt: Date,
    nudgeAt: Date,
    managerAt: Date,
    reclaimAt: Date,
    respondedAt: Date,
    lastReclaim: { type: Schema.Types.Mixed },
    followUpStatus: { type: String, enum: ['unfollowed', 'following'] },
    reclaimAfterHours: Number,
    dueStep: { type: String, enum: ['nudge', 'manager', 'reclaim'] },
    dueAt: Date,
    cooldowns: { type: Schema.Types.Mixed },
    pendingRelease: { type: Schema.Types.Mixed },
    stage: { type: Schema.Types.Mixed },
    plan: { type: Schema.Types.Mixed },
    lastFollowUp: { type: Schema.Types.Mixed },
    customerId: Schema.Types.ObjectId,
    history: { type: Schema.Types.Mixed, default: [] },
    historyTotal: Number,
    version: { type: Number, required: true },
    noticesPending: Boolean,
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'leads', versionKey: false, minimize: true },
);

// 撞单 is decided here: only originals hold `keys`, and each key is unique in its org. The names are read back
// from duplicate-key errors to tell a duplicate customer from a replayed request.
for (const key of ['phone', 'email', 'company'] as const) {
  leadSchema.index(
    { orgId: 1, [`keys.${key}`]: 1 },
    {
      unique: true,
      name: `lead_dedupe_${key}`,
      partialFilterExpression: { [`keys.${key}`]: { $exists: true } },
    },
  );
}
// A short code names one lead in its org (resolving `/lead L-1042`); partial, as leads stored before codes lack one.
leadSchema.index(
  { orgId: 1, code: 1 },
  { unique: true, name: 'lead_code', partialFilterExpression: { code: { $exists: true } } },
);
leadSchema.index(
  { orgId: 1, idempotencyKey: 1 },
  {
    unique: true,
    name: 'lead_replay_idempotency',
    partialFilterExpression: { idempotencyKey: { $exists: true } },
  },
);
leadSchema.index(
  { orgId: 1, source: 1, externalId: 1 },
  { unique: true, name: 'lead_replay_external', partialFilterExpression: { externalId: { $exists: true } } },
);
// Listing: by owner and status (my leads), by pool and team (公海), by time; all newest first by _id.
leadSchema.index({ orgId: 1, ownerId: 1, status: 1, _id: -1 });
leadSchema.index({ orgId: 1, status: 1, teamId: 1, _id: -1 });
leadSchema.index({ orgId: 1, _id: -1 });
// Metrics' leads-by-status gauge over every org: a count per status is then an index count scan (metrics/backlog.ts).
leadSchema.index({ status: 1 });
// Conversion weights: a team's leads assigned in a window.
leadSchema.index({ orgId: 1, teamId: 1, assignedAt: 1 });
// The reports (core/reports): the org's leads assigned in a period when no team is asked, the ones reclaimed in a
// period, and leads created in a period by campaign (a campaign's cost is spread over its leads of all time).
leadSchema.index(
  { orgId: 1, assignedAt: 1 },
  { name: 'report_assigned', partialFilterExpression: { assignedAt: { $exists: true } } },
);
leadSchema.index(
  { orgId: 1, 'lastReclaim.at': 1 },
  { name: 'report_reclaimed', partialFilterExpression: { 'lastReclaim.at': { $exists: true } } },
);
leadSchema.index(
  { orgId: 1, campaign: 1 },
  { name: 'report_campaign', partialFilterExpression: { campaign: { $exists: true } } },
);
// The deadline job: only leads with a ladder step due (owned, unfollowed), oldest first; cost follows the due count.
leadSchema.index({ dueAt: 1 }, { partialFilterExpression: { dueAt: { $exists: true } } });
// The contact plan's job: only leads with a plan step due (`plan.dueAt`, the earliest), oldest first.
leadSchema.index(
  { 'plan.dueAt': 1 },
  { name: 'lead_plan_due', partialFilterExpression: { 'plan.dueAt': { $exists: true } } },
);
// The morning agenda and the due views, one index per branch of their `$or`: next contact time, the ladder's
// nudge time of unfollowed leads, and the latest follow-up's time (stalled).
leadSchema.index(
  { orgId: 1, 'plan.nextContactAt': 1 },
  { name: 'lead_plan_next_contact', partialFilterExpression: { 'plan.nextContactAt': { $exists: true } } },
);
leadSchema.index(
  { orgId: 1, followUpStatus: 1, nudgeAt: 1 },
  { name: 'lead_ladder_nudge', partialFilterExpression: { nudgeAt: { $exists: true } } },
);
leadSchema.index(
  { orgId: 1, 'lastFollowUp.at': 1 },
  { name: 'lead_last_follow_up', partialFilterExpression: { 'lastFollowUp.at': { $exists: true } } },
);
// Exports (storage/exports): the org's leads in creation order, a period of them a range of this index.
leadSchema.index({ orgId: 1, createdAt: 1, _id: 1 }, { name: 'lead_export_created' });
// The notice sweep: only leads whose notices may not have been published.
leadSchema.index({ noticesPending: 1, updatedAt: 1 }, { partialFilterExpression: { noticesPending: true } });
// The customers sweep: only won leads whose customer and order may not be stored yet (core/customers).
leadSchema.index(
  { 'stage.customerPending': 1, updatedAt: 1 },
  { partialFilterExpression: { 'stage.customerPending': true } },
);

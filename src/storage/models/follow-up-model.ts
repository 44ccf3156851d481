import { Schema, type Types } from 'mongoose';
import { FOLLOW_UP_CHANNELS, type FollowUpChannel } from '../../core/leads/follow-up-summary.js';

/** 跟进记录 as stored: one document per version; every version of a record shares `recordId`. */
export type FollowUpDoc = {
  _id: Types.ObjectId;
  orgId: Types.ObjectId;
  recordId: Types.ObjectId;
  version: number;
  leadId: Types.ObjectId;
  customerId?: Types.ObjectId;
  channel: FollowUpChannel;
  content: string;
  outcome?: string;
  nextStep?: string;
  nextContactAt?: Date;
  authorId: Types.ObjectId;
  authorName: string;
  at: Date;
  correctedAt?: Date;
  correctedById?: Types.ObjectId;
  correctedByName?: string;
  supersededAt?: Date;
  requestKey?: string;
};

export const followUpSchema = new Schema<FollowUpDoc>(
  {
    orgId: { type: Schema.Types.ObjectId, required: true },
    recordId: { type: Schema.Types.ObjectId, required: true },
    version: { type: Number, required: true },
    leadId: { type: Schema.Types.ObjectId, required: true },
    customerId: Schema.Types.ObjectId,
    channel: { type: String, enum: FOLLOW_UP_CHANNELS, required: true },
    content: { type: String, default: '' },
    outcome: String,
    nextStep: String,
    nextContactAt: Date,
    authorId: { type: Schema.Types.ObjectId, required: true },
    authorName: { type: String, required: true },
    at: { type: Date, required: true },
    correctedAt: Date,
    correctedById: Schema.Types.ObjectId,
    correctedByName: String,
    supersededAt: Date,
    requestKey: String,
  },
  { collection: 'follow_ups', versionKey: false },
);
// A lead's records, newest first (the lead's list and its card).
followUpSchema.index({ orgId: 1, leadId: 1, at: -1 }, { name: 'follow_up_by_lead' });
// The reports' heat map (core/reports): the org's follow-ups made in a period.
followUpSchema.index({ orgId: 1, at: 1 }, { name: 'follow_up_report_at' });
// A team's or a rep's heat map: only their authors' records, one range per author; with `version` in the keys the
// pipeline (it reads `at` alone) is answered from the index without fetching a record.
followUpSchema.index({ orgId: 1, authorId: 1, at: 1, version: 1 }, { name: 'follow_up_report_author' });
// A retried chat event or API call finds its record instead of storing a second one.
followUpSchema.index(
  { orgId: 1, requestKey: 1 },
  { unique: true, name: 'follow_up_request', partialFilterExpression: { requestKey: { $exists: true } } },
);
// Two corrections of one version at once: the second insert of version n+1 is refused, so one of them wins.
followUpSchema.index({ orgId: 1, recordId: 1, version: 1 }, { unique: true, name: 'follow_up_version' });

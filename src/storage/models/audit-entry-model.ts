import { Schema, type Types } from 'mongoose';

/**
 * One audit entry (core/audit), append-only: the repository only inserts and reads (audit-entry-repository.ts).
 * `_id` is a string: `orgId/kind/key` when the operation has a key of its own (a retry lands on the same id and is
 * refused by the primary key), else a fresh ObjectId's hex.
 */
export type AuditEntryDoc = {
  _id: string;
  orgId: Types.ObjectId;
  at: Date;
  actor: { kind: string; memberId?: string; name?: string; tokenId?: string; tokenName?: string };
  via: { platform?: string; api?: boolean; job?: string; cli?: boolean; script?: string };
  kind: string;
  target: { type: string; id: string; label?: string };
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
  details?: Record<string, unknown>;
  expireAt: Date;
};

export const auditEntrySchema = new Schema<AuditEntryDoc>(
  {
    _id: { type: String, required: true },
    orgId: { type: Schema.Types.ObjectId, required: true },
    at: { type: Date, required: true },
    actor: {
      kind: { type: String, required: true },
      memberId: String,
      name: String,
      tokenId: String,
      tokenName: String,
    },
    via: { platform: String, api: Boolean, job: String, cli: Boolean, script: String },
    kind: { type: String, required: true },
    target: { type: { type: String, required: true }, id: { type: String, required: true }, label: String },
    before: { type: Schema.Types.Mixed },
    after: { type: Schema.Types.Mixed },
    details: { type: Schema.Types.Mixed },
    expireAt: { type: Date, required: true },
  },
  // minimize: false keeps an empty `before` ({}: a field that was absent) as recorded.
  { collection: 'auditentries', versionKey: false, minimize: false },
);
// GET /api/v1/audit: newest first, by org, optionally by actor or by kind; `_id` breaks ties for the cursor.
auditEntrySchema.index({ orgId: 1, at: -1, _id: -1 });
auditEntrySchema.index({ orgId: 1, 'actor.memberId': 1, at: -1 });
auditEntrySchema.index({ orgId: 1, 'actor.name': 1, at: -1 });
auditEntrySchema.index({ orgId: 1, kind: 1, at: -1 });
/**
 * Retention. MongoDB's TTL period belongs to the index, not to a document or an org, and the retention is an org
 * setting (audit.retentionDays): so each entry carries its own `expireAt` (at + the org's retention when written)
 * and the index expires it at that time (`expireAfterSeconds: 0`). Changing the setting applies to new entries; old
 * ones keep the promise made when they were written, which is what an auditor expects.
 */
auditEntrySchema.index({ expireAt: 1 }, { expireAfterSeconds: 0 });

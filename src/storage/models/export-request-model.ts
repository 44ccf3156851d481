import { Schema } from 'mongoose';

/** A chat `/导出` request (chat/exports/export-requests.ts): pending until its file (or its answer) is queued. */
export type ExportRequestDoc = {
  _id: string;
  orgId: string;
  memberId: string;
  kind: string;
  period?: string;
  team?: string;
  state: 'pending' | 'done';
  leaseUntil: Date;
  attempts: number;
  createdAt: Date;
  /** Kept a week after it was asked, then removed by MongoDB (the file itself expires on its own TTL). */
  expiresAt: Date;
};

export const exportRequestSchema = new Schema<ExportRequestDoc>(
  {
    _id: { type: String, required: true },
    orgId: { type: String, required: true },
    memberId: { type: String, required: true },
    kind: { type: String, required: true },
    period: { type: String },
    team: { type: String },
    state: { type: String, enum: ['pending', 'done'], required: true },
    leaseUntil: { type: Date, required: true },
    attempts: { type: Number, required: true },
    createdAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
  },
  { collection: 'exportrequests', versionKey: false },
);
// The runner's claim: the oldest pending request whose lease has passed.
exportRequestSchema.index({ state: 1, leaseUntil: 1, createdAt: 1 });
exportRequestSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });

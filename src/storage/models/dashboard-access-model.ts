import { Schema, type Types } from 'mongoose';

/**
 * A dashboard sign-in link and, once exchanged, the session it opened (core/org/dashboard-link.ts). Only hashes of
 * the secrets are stored. `purgeAt` is a day after the link's expiry, then the session's expiry: the TTL index removes the record after.
 */
export type DashboardAccessDoc = {
  _id: Types.ObjectId;
  orgId: Types.ObjectId;
  memberId: Types.ObjectId;
  linkHash: string;
  createdAt: Date;
  linkExpiresAt: Date;
  usedAt?: Date;
  sessionHash?: string;
  sessionExpiresAt?: Date;
  purgeAt: Date;
};

export const dashboardAccessSchema = new Schema<DashboardAccessDoc>(
  {
    orgId: { type: Schema.Types.ObjectId, required: true },
    memberId: { type: Schema.Types.ObjectId, required: true },
    linkHash: { type: String, required: true },
    createdAt: { type: Date, required: true },
    linkExpiresAt: { type: Date, required: true },
    usedAt: Date,
    sessionHash: String,
    sessionExpiresAt: Date,
    purgeAt: { type: Date, required: true },
  },
  { collection: 'dashboard_access', versionKey: false },
);
dashboardAccessSchema.index({ linkHash: 1 }, { unique: true, name: 'dashboard_link' });
dashboardAccessSchema.index(
  { sessionHash: 1 },
  { unique: true, name: 'dashboard_session', partialFilterExpression: { sessionHash: { $exists: true } } },
);
dashboardAccessSchema.index({ purgeAt: 1 }, { expireAfterSeconds: 0, name: 'dashboard_purge' });

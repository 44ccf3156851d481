import { Schema } from 'mongoose';

/**
 * The weekly digest's run marker of one org and ISO week (`_id` = `<orgId>:<week>`, so the key is unique without an
 * index of its own): `running` while a runner holds its lease, `done` once every card is in the outbox.
 */
export type DigestRunDoc = {
  _id: string;
  orgId: string;
  week: string;
  state: 'running' | 'done';
  leaseUntil: Date;
  startedAt: Date;
  attempts: number;
  finishedAt?: Date;
  cards?: number;
};

export const digestRunSchema = new Schema<DigestRunDoc>(
  {
    _id: { type: String, required: true },
    orgId: { type: String, required: true },
    week: { type: String, required: true },
    state: { type: String, enum: ['running', 'done'], required: true },
    leaseUntil: { type: Date, required: true },
    startedAt: { type: Date, required: true },
    attempts: { type: Number, required: true },
    finishedAt: Date,
    cards: Number,
  },
  { collection: 'digestruns', versionKey: false },
);
// A done week is never due again (the digest always covers the week before this one), so its marker can go after a
// while: the collection stays a few documents per org. A running marker has no finishedAt and is never expired.
// https://www.mongodb.com/docs/manual/core/index-ttl/
export const DIGEST_RUN_RETENTION_SECONDS = 60 * 24 * 3600;
digestRunSchema.index({ finishedAt: 1 }, { expireAfterSeconds: DIGEST_RUN_RETENTION_SECONDS });

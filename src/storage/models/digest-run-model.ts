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

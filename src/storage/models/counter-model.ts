import { Schema } from 'mongoose';

/**
 * One counter per org and sequence (`_id` = `<orgId>:<name>`): short lead codes are numbered from it with one
 * atomic `$inc` (a batch reserves a range with one `$inc` of its size), so two intakes never share a number.
 */
export type CounterDoc = { _id: string; orgId: string; name: string; seq: number };

export const counterSchema = new Schema<CounterDoc>(
  {
    _id: { type: String, required: true },
    orgId: { type: String, required: true },
    name: { type: String, required: true },
    seq: { type: Number, required: true },
  },
  { collection: 'counters', versionKey: false },
);

import { Schema, type Types } from 'mongoose';
import { LEVELS, LOCALES, PLATFORMS, ROLES } from '../../core/org/types.js';

export type MemberDoc = {
  _id: Types.ObjectId;
  orgId: Types.ObjectId;
  name: string;
  roles: (typeof ROLES)[number][];
  teamId?: Types.ObjectId;
  level: (typeof LEVELS)[number];
  dailyCap?: number;
  poolCapacity?: number;
  /** Routing state, written only by the roster repository's conditional writes (see RosterRepository). */
  routing?: {
    pass?: number;
    day?: string;
    today?: number;
    open?: number;
    poolDay?: string;
    poolClaims?: number;
  };
  availability: 'available' | 'on_leave';
  active: boolean;
  identities: { platform: (typeof PLATFORMS)[number]; userId: string }[];
  locale?: (typeof LOCALES)[number];
  /** Offboarding (storage/repositories/offboarding-store.ts): when they left, the run, the chat accounts they had. */
  leftAt?: Date;
  offboarding?: Record<string, unknown>;
  formerIdentities?: { platform: (typeof PLATFORMS)[number]; userId: string; unlinkedAt: Date }[];
};

export const memberSchema = new Schema<MemberDoc>(
  {
    orgId: { type: Schema.Types.ObjectId, required: true },
    name: { type: String, required: true },
    roles: { type: [String], enum: ROLES, required: true },
    teamId: { type: Schema.Types.ObjectId },
    level: { type: String, enum: LEVELS, default: 'junior' },
    dailyCap: { type: Number, min: 0 },
    poolCapacity: { type: Number, min: 0 },
    routing: {
      pass: { type: Number },
      day: { type: String },
      today: { type: Number },
      open: { type: Number },
      poolDay: { type: String },
      poolClaims: { type: Number },
    },
    availability: { type: String, enum: ['available', 'on_leave'], default: 'available' },
    active: { type: Boolean, default: true },
    identities: {
      type: [
        {
          _id: false,
          platform: { type: String, enum: PLATFORMS, required: true },
          userId: { type: String, required: true },
        },
      ],
      default: [],
    },
    locale: { type: String, enum: LOCALES },
    leftAt: { type: Date },
    offboarding: { type: Schema.Types.Mixed },
    // Not `identities`: the unique identity index does not see them, so a new member may take the same chat account.
    formerIdentities: { type: [Schema.Types.Mixed], default: undefined },
  },
  { collection: 'members', versionKey: false },
);
memberSchema.index({ orgId: 1, teamId: 1 });
// A chat user is one member of one org: clicks and commands are mapped to members through this index.
memberSchema.index(
  { orgId: 1, 'identities.platform': 1, 'identities.userId': 1 },
  { unique: true, partialFilterExpression: { 'identities.userId': { $exists: true } } },
);

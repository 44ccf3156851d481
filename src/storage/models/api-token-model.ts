import { Schema, type Types } from 'mongoose';
import { TOKEN_ROLES } from '../../core/org/managed-api-tokens.js';
import { ROLES } from '../../core/org/types.js';

/** An org's API token, stored only as its SHA-256 hash: a database dump does not leak usable tokens. */
export type ApiTokenDoc = {
  _id: Types.ObjectId;
  orgId: Types.ObjectId;
  name: string;
  hash: string;
  /** The first characters, so people can tell their tokens apart without the secret. */
  prefix: string;
  roles: (typeof ROLES)[number][];
  /** Set on tokens made through POST /api/v1/tokens; older ones carry only `roles`. */
  role?: (typeof TOKEN_ROLES)[number];
  /** A member's own token: acts as that member (their current roles, team and scope); `roles` is then empty. */
  memberId?: Types.ObjectId;
  /** Written at most once a minute per token (see LAST_USED_PRECISION_MS). */
  lastUsedAt?: Date;
  createdAt: Date;
  revokedAt?: Date;
};

export const apiTokenSchema = new Schema<ApiTokenDoc>(
  {
    orgId: { type: Schema.Types.ObjectId, required: true },
    name: { type: String, required: true },
    hash: { type: String, required: true },
    prefix: { type: String, required: true },
    roles: { type: [String], enum: ROLES, required: true },
    role: { type: String, enum: TOKEN_ROLES },
    memberId: { type: Schema.Types.ObjectId },
    lastUsedAt: { type: Date },
    createdAt: { type: Date, required: true },
    revokedAt: { type: Date },
  },
  { collection: 'api_tokens', versionKey: false },
);
apiTokenSchema.index({ hash: 1 }, { unique: true });
apiTokenSchema.index({ orgId: 1, name: 1 }, { unique: true });
// A member's tokens (`/token list`, offboarding's revocation); sparse: org tokens have no member.
apiTokenSchema.index({ orgId: 1, memberId: 1 }, { sparse: true });

import { Schema, type Types } from 'mongoose';

/** A signed request's proof (timestamp + sign or nonce) and a digest of the body it came with. */
export type SeenSignatureDoc = {
  _id: Types.ObjectId;
  platform: string;
  proof: string;
  bodyDigest: string;
  seenAt: Date;
};

export const seenSignatureSchema = new Schema<SeenSignatureDoc>(
  {
    platform: { type: String, required: true },
    proof: { type: String, required: true },
    bodyDigest: { type: String, required: true },
    seenAt: { type: Date, required: true },
  },
  { collection: 'seen_signatures', versionKey: false },
);
// The unique index is what makes "accepted once" atomic across instances.
seenSignatureSchema.index({ platform: 1, proof: 1 }, { unique: true });
/**
 * The longest window: DingTalk accepts a timestamp up to 1 h old and 5 min ahead, so a pair seen now is refused as
 * stale by the signature check after at most 65 min; only then may it be forgotten. (WeCom's 6 min fit inside.)
 */
export const SEEN_SIGNATURE_TTL_SECONDS = 65 * 60;
seenSignatureSchema.index({ seenAt: 1 }, { expireAfterSeconds: SEEN_SIGNATURE_TTL_SECONDS });

import { Schema } from 'mongoose';

/** A one-time handle to update a card already sent (WeCom's response_code), kept per card until used or expired. */
export type PlatformResponseCodeDoc = { platform: string; taskId: string; code: string; at: Date };

export const platformResponseCodeSchema = new Schema<PlatformResponseCodeDoc>(
  {
    platform: { type: String, required: true },
    taskId: { type: String, required: true },
    code: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { collection: 'platform_response_codes', versionKey: false },
);
// The latest code per card: saving replaces it.
platformResponseCodeSchema.index({ platform: 1, taskId: 1 }, { unique: true });
// Codes are spent after 72 h on WeCom's side; MongoDB removes them a little later.
platformResponseCodeSchema.index({ at: 1 }, { expireAfterSeconds: 73 * 3600 });

import { Schema } from 'mongoose';

/**
 * A key the app makes for itself once and every instance shares (`_id` names its use, e.g. `sandbox-file-links`):
 * kept in the database so it survives restarts and is the same on every instance. Never logged or sent out.
 */
export type AppSecretDoc = { _id: string; key: Buffer; createdAt: Date };

export const appSecretSchema = new Schema<AppSecretDoc>(
  {
    _id: { type: String, required: true },
    key: { type: Buffer, required: true },
    createdAt: { type: Date, required: true },
  },
  { collection: 'app_secrets', versionKey: false },
);

import { Schema, type Types } from 'mongoose';
import { type LEVELS, LOCALES, PLATFORMS } from '../../core/org/types.js';

export type OrgDoc = {
  _id: Types.ObjectId;
  name: string;
  chat: { platform: (typeof PLATFORMS)[number]; workspaceId: string };
  settings: {
    locale: (typeof LOCALES)[number];
    timeZone: string;
    dailyCaps: Record<(typeof LEVELS)[number], number>;
  };
  createdAt: Date;
};

export const orgSchema = new Schema<OrgDoc>(
  {
    name: { type: String, required: true },
    chat: {
      platform: { type: String, enum: PLATFORMS, required: true },
      workspaceId: { type: String, required: true },
    },
    settings: {
      locale: { type: String, enum: LOCALES, default: 'zh-CN' },
      timeZone: { type: String, default: 'Asia/Shanghai' },
      dailyCaps: { junior: { type: Number, default: 10 }, senior: { type: Number, default: 20 } },
    },
    createdAt: { type: Date, required: true },
  },
  { collection: 'orgs', versionKey: false },
);
// Inbound chat events name a workspace, not an org: this is how the org is found.
orgSchema.index({ 'chat.platform': 1, 'chat.workspaceId': 1 }, { unique: true });

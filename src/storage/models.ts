import type { Connection, Model } from 'mongoose';
import { type ApiTokenDoc, apiTokenSchema } from './models/api-token-model.js';
import { type AppSecretDoc, appSecretSchema } from './models/app-secret-model.js';
import { type AuditEntryDoc, auditEntrySchema } from './models/audit-entry-model.js';
import { type CampaignDoc, campaignSchema } from './models/campaign-model.js';
import { type ChatDraftDoc, chatDraftSchema } from './models/chat-draft-model.js';
import { type ComplaintDoc, complaintSchema } from './models/complaint-model.js';
import { type CounterDoc, counterSchema } from './models/counter-model.js';
import { type CustomerDoc, customerSchema, RETIRED_CUSTOMER_INDEXES } from './models/customer-model.js';
import { type DashboardAccessDoc, dashboardAccessSchema } from './models/dashboard-access-model.js';
import { type DigestRunDoc, digestRunSchema } from './models/digest-run-model.js';
import {
  type ExportFileChunkDoc,
  type ExportFileDoc,
  exportFileChunkSchema,
  exportFileSchema,
} from './models/export-file-model.js';
import { type ExportRequestDoc, exportRequestSchema } from './models/export-request-model.js';
import { type FollowUpDoc, followUpSchema } from './models/follow-up-model.js';
import { type InboundEventDoc, inboundEventSchema } from './models/inbound-event-model.js';
import { type LeadDoc, leadSchema } from './models/lead-model.js';
import { type MemberDoc, memberSchema } from './models/member-model.js';
import { type OrderDoc, orderSchema } from './models/order-model.js';
import { type OrgDoc, orgSchema } from './models/org-model.js';
import { type OutboxEntryDoc, outboxEntrySchema } from './models/outbox-entry-model.js';
import {
  type PlatformResponseCodeDoc,
  platformResponseCodeSchema,
} from './models/platform-response-code-model.js';
import { type SandboxMessageDoc, sandboxMessageSchema } from './models/sandbox-message-model.js';
import { type SeenSignatureDoc, seenSignatureSchema } from './models/seen-signature-model.js';
import { type SentMessageDoc, sentMessageSchema } from './models/sent-message-model.js';
import { type TaskDoc, taskSchema } from './models/task-model.js';
import { type TeamDoc, teamSchema } from './models/team-model.js';

export type Models = {
  readonly Org: Model<OrgDoc>;
  readonly Team: Model<TeamDoc>;
  readonly Member: Model<MemberDoc>;
  readonly Lead: Model<LeadDoc>;
  readonly ApiToken: Model<ApiTokenDoc>;
  readonly OutboxEntry: Model<OutboxEntryDoc>;
  readonly SentMessage: Model<SentMessageDoc>;
  readonly InboundEvent: Model<InboundEventDoc>;
  readonly SandboxMessage: Model<SandboxMessageDoc>;
  readonly PlatformResponseCode: Model<PlatformResponseCodeDoc>;
  readonly SeenSignature: Model<SeenSignatureDoc>;
  readonly Counter: Model<CounterDoc>;
  readonly Complaint: Model<ComplaintDoc>;
  readonly Task: Model<TaskDoc>;
  readonly Customer: Model<CustomerDoc>;
  readonly Order: Model<OrderDoc>;
  readonly ChatDraft: Model<ChatDraftDoc>;
  readonly FollowUp: Model<FollowUpDoc>;
  readonly Campaign: Model<CampaignDoc>;
  readonly DigestRun: Model<DigestRunDoc>;
  readonly DashboardAccess: Model<DashboardAccessDoc>;
  readonly ExportFile: Model<ExportFileDoc>;
  readonly ExportFileChunk: Model<ExportFileChunkDoc>;
  readonly AuditEntry: Model<AuditEntryDoc>;
  readonly ExportRequest: Model<ExportRequestDoc>;
  readonly AppSecret: Model<AppSecretDoc>;
};

/** Binds every model to one connection (tests open one connection per database). */
export function bindModels(connection: Connection): Models {
  return {
    Org: connection.model<OrgDoc>('Org', orgSchema),
    Team: connection.model<TeamDoc>('Team', teamSchema),
    Member: connection.model<MemberDoc>('Member', memberSchema),
    Lead: connection.model<LeadDoc>('Lead', leadSchema),
    ApiToken: connection.model<ApiTokenDoc>('ApiToken', apiTokenSchema),
    OutboxEntry: connection.model<OutboxEntryDoc>('OutboxEntry', outboxEntrySchema),
    SentMessage: connection.model<SentMessageDoc>('SentMessage', sentMessageSchema),
    InboundEvent: connection.model<InboundEventDoc>('InboundEvent', inboundEventSchema),
    SandboxMessage: connection.model<SandboxMessageDoc>('SandboxMessage', sandboxMessageSchema),
    PlatformResponseCode: connection.model<PlatformResponseCodeDoc>(
      'PlatformResponseCode',
      platformResponseCodeSchema,
    ),
    SeenSignature: connection.model<SeenSignatureDoc>('SeenSignature', seenSignatureSchema),
    Counter: connection.model<CounterDoc>('Counter', counterSchema),
    Complaint: connection.model<ComplaintDoc>('Complaint', complaintSchema),
    Task: connection.model<TaskDoc>('Task', taskSchema),
    Customer: connection.model<CustomerDoc>('Customer', customerSchema),
    Order: connection.model<OrderDoc>('Order', orderSchema),
    ChatDraft: connection.model<ChatDraftDoc>('ChatDraft', chatDraftSchema),
    FollowUp: connection.model<FollowUpDoc>('FollowUp', followUpSchema),
    Campaign: connection.model<CampaignDoc>('Campaign', campaignSchema),
    DigestRun: connection.model<DigestRunDoc>('DigestRun', digestRunSchema),
    DashboardAccess: connection.model<DashboardAccessDoc>('DashboardAccess', dashboardAccessSchema),
    ExportFile: connection.model<ExportFileDoc>('ExportFile', exportFileSchema),
    ExportFileChunk: connection.model<ExportFileChunkDoc>('ExportFileChunk', exportFileChunkSchema),
    AuditEntry: connection.model<AuditEntryDoc>('AuditEntry', auditEntrySchema),
    ExportRequest: connection.model<ExportRequestDoc>('ExportRequest', exportRequestSchema),
    AppSecret: connection.model<AppSecretDoc>('AppSecret', appSecretSchema),
  };
}

/** Creates every declared index; called once at start-up (autoIndex is off so requests never wait on it). */
export async function ensureIndexes(models: Models): Promise<void> {
  await dropRetiredIndexes(models.Customer, RETIRED_CUSTOMER_INDEXES);
  for (const model of Object.values(models)) await model.createIndexes();
}

/** Drops indexes a later version replaced (a changed definition under the old name would refuse to build). */
async function dropRetiredIndexes(
  model: Pick<Models['Customer'], 'collection'>,
  names: readonly string[],
): Promise<void> {
  const existing = await model.collection.indexes().catch(() => []);
  for (const name of names) {
    if (existing.some((index) => index.name === name)) await model.collection.dropIndex(name);
  }
}

import type { Connection } from 'mongoose';
import type { Platform } from '../core/org/types.js';
import type { Clock } from '../core/shared/clock.js';
import { mongoExportSource } from '../storage/exports/export-source.js';
import { bindModels } from '../storage/models.js';
import { mongoAfterSalesFigures } from '../storage/repositories/after-sales-figures.js';
import { mongoAfterSalesOrders } from '../storage/repositories/after-sales-orders.js';
import { mongoApiTokenRepository } from '../storage/repositories/api-token-repository.js';
import { mongoSharedSecret } from '../storage/repositories/app-secret-store.js';
import { mongoAuditLog } from '../storage/repositories/audit-entry-repository.js';
import { mongoBacklogQueries } from '../storage/repositories/backlog-queries.js';
import { mongoChatDrafts } from '../storage/repositories/chat-draft-repository.js';
import { mongoComplaintCustomers } from '../storage/repositories/complaint-customers.js';
import { mongoComplaintRepository } from '../storage/repositories/complaint-repository.js';
import { mongoConversionStats } from '../storage/repositories/conversion-stats.js';
import { mongoCounters } from '../storage/repositories/counter-repository.js';
import { mongoPendingCustomers } from '../storage/repositories/customer-pending-leads.js';
import { mongoCustomerRepository } from '../storage/repositories/customer-repository.js';
import { mongoDashboardAccess } from '../storage/repositories/dashboard-access-repository.js';
import { mongoFileStore } from '../storage/repositories/export-file-store.js';
import { mongoExportRequests } from '../storage/repositories/export-request-store.js';
import { mongoFollowUpRepository } from '../storage/repositories/follow-up-repository.js';
import { mongoInboundEventLog } from '../storage/repositories/inbound-event-log.js';
import { leadNoticeSweep } from '../storage/repositories/lead-notice-sweep.js';
import { mongoLeadRepository } from '../storage/repositories/lead-repository.js';
import { mongoMemberRepository } from '../storage/repositories/member-repository.js';
import { mongoOffboardingStore } from '../storage/repositories/offboarding-store.js';
import { mongoOrderRepository } from '../storage/repositories/order-repository.js';
import { mongoOrgRepository } from '../storage/repositories/org-repository.js';
import { mongoOutboxStore } from '../storage/repositories/outbox-repository.js';
import { mongoResponseCodes } from '../storage/repositories/platform-response-codes.js';
import { mongoCampaigns } from '../storage/repositories/report-campaigns.js';
import { mongoReportQueries } from '../storage/repositories/report-figures.js';
import { mongoReportItems } from '../storage/repositories/report-items.js';
import { mongoRosterRepository } from '../storage/repositories/roster-repository.js';
import { mongoSandboxStore } from '../storage/repositories/sandbox-message-store.js';
import { mongoSeenSignatures } from '../storage/repositories/seen-signatures.js';
import { mongoTaskRepository } from '../storage/repositories/task-repository.js';
import { mongoTeamRepository } from '../storage/repositories/team-repository.js';
import { type EdgeSettings, edgeSettings } from './edge-settings.js';

const days = (n: number) => n * 24 * 60 * 60 * 1000;

/** Every model and repository, bound once to one connection: the only builder that knows about mongoose. */
export function buildStorage(connection: Connection, clock: Clock, edge: EdgeSettings = edgeSettings()) {
  const models = bindModels(connection);
  const repos = {
    orgs: mongoOrgRepository(models),
    teams: mongoTeamRepository(models),
    members: mongoMemberRepository(models),
    // Offboarding (issue #15): the leaver's run, their leads' bulk moves, their tokens.
    offboarding: mongoOffboardingStore(models),
    tokens: mongoApiTokenRepository(models),
    // Delivered records expire after the config table's periods (TTL indexes).
    outbox: mongoOutboxStore(models, {
      deliveredMs: days(edge.OUTBOX_SENT_TTL_DAYS),
      sentMessageMs: days(edge.SENT_MESSAGE_TTL_DAYS),
    }),
    sandboxStore: mongoSandboxStore(models, days(edge.SANDBOX_MESSAGE_TTL_DAYS)),
    leads: mongoLeadRepository(models),
    roster: mongoRosterRepository(models),
    conversion: mongoConversionStats(models),
    // After-sales (issue #13): complaints, tasks, the orders they are raised on, the figures.
    complaints: mongoComplaintRepository(models),
    tasks: mongoTaskRepository(models),
    afterSalesOrders: mongoAfterSalesOrders(models),
    afterSalesFigures: mongoAfterSalesFigures(models),
    counters: mongoCounters(models),
    customers: mongoCustomerRepository(models),
    complaintCustomers: mongoComplaintCustomers(models),
    orders: mongoOrderRepository(models),
    pendingCustomers: mongoPendingCustomers(models),
    drafts: mongoChatDrafts(models),
    followUps: mongoFollowUpRepository(models),
    // Reports (issue #14): the figures' aggregations and the campaign costs.
    reports: mongoReportQueries(models),
    campaigns: mongoCampaigns(models),
    reportItems: mongoReportItems(models),
    // The dashboard's sign-in links and sessions (hashes only).
    dashboardAccess: mongoDashboardAccess(models),
    // Exports (issue #15): every kind's lean, batched cursor (storage/exports).
    exportSource: mongoExportSource(models),
    // `/导出` (issue #15): the waiting requests (the handler's `exportRequests`) and the files made for them.
    exportRequests: mongoExportRequests(models),
    exportFiles: mongoFileStore(models),
    // Keys the app makes once and keeps (the sandbox's download links stay valid across restarts).
    sharedSecret: mongoSharedSecret(models),
    // The audit trail (issue #15): append-only, read by GET /api/v1/audit.
    audit: mongoAuditLog(models),
  };
  return {
    connection,
    models,
    repos,
    inboundEvents: mongoInboundEventLog(models, clock),
    /** Signed platform callbacks seen once (replay protection). */
    seenSignatures: mongoSeenSignatures(models),
    noticeSweep: leadNoticeSweep(models),
    /** The outbox backlog and leads by status, for /metrics and /readyz (indexed counts). */
    backlog: mongoBacklogQueries(models),
    /** WeCom's one-time card-update codes, kept where a restart does not lose them. */
    responseCodes: (platform: Platform) => mongoResponseCodes(models, platform, () => clock.now()),
    /** Resolves when the database answers a ping (readiness). */
    async ping(): Promise<void> {
      if (!connection.db) throw new Error('not connected');
      await connection.db.admin().ping();
    },
  };
}

export type Storage = ReturnType<typeof buildStorage>;

import type { Clock } from '../shared/clock.js';
import type { LeadId, OrgId } from '../shared/ids.js';
import type { Notice, Notifier } from '../shared/notices.js';
import { leadNotices } from './lead-notices.js';
import type { Lead } from './lead-types.js';

/** Leads whose last write may not have been followed by its notices (the write marks them; the sweep clears). */
export interface LeadNoticeSweep {
  pending(writtenBefore: Date, limit: number): Promise<Lead[]>;
  /** Clears the mark, unless the lead changed again meanwhile (then its newer write will be swept). */
  settle(leads: readonly { orgId: OrgId; id: LeadId; version: number }[]): Promise<void>;
}

// A write and its publish are a few milliseconds apart; anything still marked after this went missing in a crash.
export const NOTICE_GRACE_MS = 30_000;
export const NOTICE_SWEEP_INTERVAL_MS = 30_000;
const BATCH = 500;

/**
 * Lead writes carry a "notices pending" mark in the same atomic write, and notices are published right after. A
 * crash in between would lose the card; this job publishes the notices of every lead still marked after a grace
 * time, then clears the mark. Notices are keyed by lead version, so publishing one twice changes nothing.
 */
export async function sweepLeadNotices(deps: {
  leads: LeadNoticeSweep;
  notifier: Notifier;
  clock: Clock;
}): Promise<number> {
  const before = new Date(deps.clock.now().getTime() - NOTICE_GRACE_MS);
  let swept = 0;
  for (;;) {
    const leads = await deps.leads.pending(before, BATCH);
    if (leads.length === 0) return swept;
    const byOrg = new Map<OrgId, Notice[]>();
    for (const lead of leads) byOrg.set(lead.orgId, [...(byOrg.get(lead.orgId) ?? []), ...leadNotices(lead)]);
    for (const [orgId, notices] of byOrg) await deps.notifier.publish(orgId, notices);
    await deps.leads.settle(leads);
    swept += leads.length;
    if (leads.length < BATCH) return swept;
  }
}

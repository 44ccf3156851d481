import type { LeadRef } from '../leads/index.js';
import type { Caller } from '../org/index.js';
import { visibleLead, visibleRecord } from './follow-up-access.js';
import type { FollowUp } from './follow-up-types.js';
import type { FollowUpDeps } from './ports.js';

/** How many records one list returns at most (a lead followed up twice a day for a year stays under it). */
export const FOLLOW_UP_LIST_LIMIT = 500;

/**
 * A lead's follow-up records, newest first, for whoever may see the lead: the current version of each record, or
 * (`all`) every version with who corrected what, when.
 */
export async function listFollowUps(
  deps: Pick<FollowUpDeps, 'leads' | 'followUps'>,
  caller: Caller,
  input: { readonly leadId: LeadRef; readonly versions?: 'current' | 'all' },
): Promise<FollowUp[]> {
  const lead = await visibleLead(deps, caller, input.leadId);
  const versions = input.versions ?? 'current';
  const records = await deps.followUps.listByLead(caller.org.id, lead.id, {
    versions,
    limit: FOLLOW_UP_LIST_LIMIT,
  });
  return versions === 'all' ? records : newestVersions(records);
}

/**
 * One record with every version, oldest first (`versions`), the record being its newest version: who changed what,
 * when (each correction names its `correctedById`/`correctedAt`).
 */
export async function getFollowUp(
  deps: Pick<FollowUpDeps, 'leads' | 'followUps'>,
  caller: Caller,
  input: { readonly followUpId: string },
): Promise<{ followUp: FollowUp; versions: FollowUp[] }> {
  const { followUp } = await visibleRecord(deps, caller, input.followUpId);
  const versions = await deps.followUps.versionsOf(caller.org.id, followUp.recordId);
  return { followUp: versions.at(-1) ?? followUp, versions };
}

/**
 * One version per record: a correction interrupted between storing its version and marking the old one
 * superseded leaves two unsuperseded, and the newer one is the record.
 */
function newestVersions(records: readonly FollowUp[]): FollowUp[] {
  const newest = new Map<string, FollowUp>();
  for (const r of records) {
    const seen = newest.get(r.recordId);
    if (!seen || seen.version < r.version) newest.set(r.recordId, r);
  }
  return records.filter((r) => newest.get(r.recordId) === r);
}

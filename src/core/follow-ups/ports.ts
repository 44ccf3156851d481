import type { ClaimDeps } from '../pools/index.js';
import type { FollowUpId, LeadId, OrgId } from '../shared/ids.js';
import type { FollowUp } from './follow-up-types.js';

/** A record to store; the repository gives it its id (and, for a first version, the same `recordId`). */
export type NewFollowUp = Omit<FollowUp, 'id' | 'recordId'> & { readonly recordId?: FollowUpId };

/**
 * Why an insert was refused by a unique index: the request key was seen (a retry), or another correction took
 * this version number first.
 */
export type FollowUpInsertConflict = 'replay' | 'version';

export type FollowUpListQuery = {
  /** Only the newest version of each record (default), or every version. */
  readonly versions: 'current' | 'all';
  readonly limit: number;
};

// Every query takes the orgId: a repository cannot be asked for another tenant's records by accident.
export interface FollowUpRepository {
  /** Inserts; a unique-index refusal ((orgId, requestKey) or (orgId, recordId, version)) is reported, not thrown. */
  insert(record: NewFollowUp): Promise<{ followUp: FollowUp } | { conflict: FollowUpInsertConflict }>;
  get(orgId: OrgId, id: FollowUpId): Promise<FollowUp | undefined>;
  /** The record stored under this request key (a retried chat event or API call). */
  findByRequestKey(orgId: OrgId, requestKey: string): Promise<FollowUp | undefined>;
  /** The lead's records, newest first (the (orgId, leadId, at) index). */
  listByLead(orgId: OrgId, leadId: LeadId, query: FollowUpListQuery): Promise<FollowUp[]>;
  /** Every version of one record, oldest first. */
  versionsOf(orgId: OrgId, recordId: FollowUpId): Promise<FollowUp[]>;
  /** Marks a version superseded if nobody did yet; false when it already was. */
  supersede(orgId: OrgId, id: FollowUpId, at: Date): Promise<boolean>;
  /** Removes a record whose lead write was refused (a follow-up that never happened). */
  remove(orgId: OrgId, id: FollowUpId): Promise<void>;
}

/** The ports the follow-up use-cases are given: the pools' (lead, roster, notifier, clock) and the records. */
export type FollowUpDeps = ClaimDeps & { readonly followUps: FollowUpRepository };

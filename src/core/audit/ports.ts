import type { MemberId, OrgId } from '../shared/ids.js';
import type { AuditEntry, AuditKind } from './audit-types.js';

/**
 * Where audit entries go. Append-only by design: there is no update or delete here, and the storage behind it
 * exposes none (entries leave only through the retention TTL).
 */
export interface AuditLog {
  /** Stores one entry; an entry whose `key` is already stored for the org is ignored (a retried request). */
  record(entry: AuditEntry): Promise<void>;
}

export type AuditQuery = {
  readonly actorMemberId?: MemberId;
  /** An actor's name as stored (a member's name at the time, or an API token's name). */
  readonly actorName?: string;
  readonly kinds?: readonly AuditKind[];
  readonly from?: Date;
  /** Exclusive. */
  readonly to?: Date;
  readonly limit: number;
  /** The `id` of the last entry of the previous page (newest first). */
  readonly cursor?: string;
};

export type StoredAuditEntry = AuditEntry & { readonly id: string };

export interface AuditReader {
  /** Newest first, at most `limit`; `next` is the cursor of the following page, absent on the last. */
  list(orgId: OrgId, query: AuditQuery): Promise<{ entries: StoredAuditEntry[]; next?: string }>;
}

import type { ExportKind } from '../../core/exports/export-kinds.js';
import type { MemberId, OrgId } from '../../core/shared/ids.js';

/** A member's `/导出` waiting to be made: stored before the answer, so a crash never loses it. */
export type ExportRequest = {
  /** Derived from the platform's event id: the platform's retry of the same command is the same request. */
  readonly id: string;
  readonly orgId: OrgId;
  readonly memberId: MemberId;
  readonly kind: ExportKind;
  readonly period?: string;
  readonly team?: string;
  /** Leases taken so far (the first run is 1): a request that keeps failing is given up after a few. */
  readonly attempts: number;
};

export interface ExportRequestStore {
  /** Stores the request; false when one with this id is stored already (a retried command). */
  add(request: Omit<ExportRequest, 'attempts'>, now: Date): Promise<boolean>;
  /**
   * Leases the oldest waiting request in one conditional write: one instance makes each export; a request whose
   * maker died is leased again when its lease ends.
   */
  claimNext(now: Date, leaseMs: number): Promise<ExportRequest | undefined>;
  complete(id: string, now: Date): Promise<void>;
}

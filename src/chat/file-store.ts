import type { OrgId } from '../core/shared/ids.js';

/** A file kept for delivery (an export), as read back. */
export type StoredFile = {
  readonly id: string;
  readonly orgId: OrgId;
  readonly name: string;
  readonly mime: string;
  readonly bytes: Uint8Array;
  readonly expiresAt: Date;
};

/**
 * Files waiting to be sent or downloaded. Kept in the database, not on a disk: several instances share one
 * database, and whichever delivers the outbox entry (or serves the sandbox link) must find the bytes. Each file
 * expires (a TTL), so exports do not pile up.
 */
export interface FileStore {
  /** Stores the file and returns its id; `id` given makes a repeat (a rerun job) replace, not add, the file. */
  save(
    orgId: OrgId,
    file: { readonly id?: string; readonly name: string; readonly mime: string; readonly bytes: Uint8Array },
    expiresAt: Date,
  ): Promise<string>;
  /** The file, or undefined when it is unknown, of another org, or expired. */
  load(orgId: OrgId, id: string, now: Date): Promise<StoredFile | undefined>;
}

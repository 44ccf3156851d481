import type { Platform } from '../../core/org/types.js';
import type { OrgId } from '../../core/shared/ids.js';
import type { Notice, NoticeRecipient } from '../../core/shared/notices.js';
import type { PlatformTarget } from '../chat-adapter.js';

export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'dead';

/** A notice waiting to be delivered, as stored. `dueAt` is when it may next be tried (or when its lease ends). */
export type OutboxEntry = Notice & {
  readonly id: string;
  readonly orgId: OrgId;
  readonly status: OutboxStatus;
  readonly attempts: number;
  readonly dueAt: Date;
  readonly lastError?: string;
  /** The burst it may be merged into (coalesce-group.ts); stored with it so delivery can take the whole burst. */
  readonly group?: string;
  /** A file message's upload made by an earlier try (deliver-file.ts): reused, so a retry does not upload again. */
  readonly upload?: FileUpload;
};

/** Which stored file was uploaded, and the platform's reference to the upload (a media_id, a Slack file id). */
export type FileUpload = { readonly fileId: string; readonly ref: string };

/** A message as delivered: where it went and the platform's reference, so later updates can reach it. */
export type SentMessage = {
  readonly orgId: OrgId;
  readonly cardKey?: string;
  readonly to: NoticeRecipient;
  readonly platform: Platform;
  readonly workspaceId: string;
  readonly target: PlatformTarget;
  readonly messageRef: string;
  readonly idempotencyKey: string;
};

export interface OutboxStore {
  /** Stores notices durably; a notice whose idempotency key is already stored is dropped, not doubled. */
  enqueue(orgId: OrgId, notices: readonly Notice[], now: Date): Promise<void>;
  /** Leases the oldest due entry (pending, or sending with an expired lease after a crash) in one atomic write. */
  claimNext(now: Date, leaseMs: number): Promise<OutboxEntry | undefined>;
  complete(id: string, at: Date): Promise<void>;
  /** Puts an entry back to wait; `countAttempt: false` when it was only paced, not failed. */
  retryAt(id: string, dueAt: Date, error: string | undefined, countAttempt: boolean): Promise<void>;
  fail(id: string, error: string): Promise<void>;
  /**
   * Keeps a file message's upload on its entry before the post that shows it, so a retry after a crash between the
   * two reuses it. One write, only while the entry is leased for sending.
   */
  rememberUpload(id: string, upload: FileUpload): Promise<void>;
  /** Drops a kept upload the platform no longer takes (its media expired): the next try uploads again. */
  forgetUpload(id: string): Promise<void>;
  /**
   * Leases, in one conditional write, every due entry of this group besides the one already leased (`leaderId`),
   * and returns them all, the leader first. Each entry is leased by one write alone, so two deliverers never both
   * tell the same notice; one that dies holding them frees them when the lease ends.
   */
  claimGroup(
    orgId: OrgId,
    group: string,
    leaderId: string,
    now: Date,
    leaseMs: number,
  ): Promise<OutboxEntry[]>;
  /** Holds the group's waiting entries until `until` (the end of its quiet window), in one write. */
  holdGroup(orgId: OrgId, group: string, until: Date): Promise<void>;
  /** Marks sent, in one write, the leader and the entries claimGroup leased with it. */
  completeBurst(orgId: OrgId, leaderId: string, at: Date): Promise<void>;
  /** True while a post carrying this card key is still waiting or being sent. */
  hasUndeliveredPost(orgId: OrgId, cardKey: string): Promise<boolean>;
  recordSent(message: SentMessage, at: Date): Promise<void>;
  findSent(orgId: OrgId, cardKey: string): Promise<SentMessage[]>;
}

import type { Platform } from '../core/org/types.js';
import type { FileRef, OutboundMessage } from './card.js';

/**
 * What an adapter is given to send: the message plus the mentioned members' user ids on its platform, resolved by
 * the outbox. Members without an identity there are left out; an adapter whose platform cannot mention ignores it.
 */
export type PlatformMessage = OutboundMessage & {
  readonly mentionUserIds?: readonly string[];
  /** The bytes of `file`, loaded by the outbox from the file store; an adapter sends them as a file message. */
  readonly attachment?: Uint8Array;
};

/** A resolved address on one platform: a DM with a user, a channel, or a thread inside a channel. */
export type PlatformTarget =
  | { readonly kind: 'dm'; readonly userId: string }
  | { readonly kind: 'channel'; readonly channelId: string }
  | { readonly kind: 'thread'; readonly channelId: string; readonly threadRef: string };

/** How fast a platform lets us post: the outbox waits this long between two messages to one conversation. */
export type Pacing = { readonly perConversationMs: number };

/** A platform's answer to a send: the reference used later to update the message or reply under it. */
export type SentRef = { readonly messageRef: string; readonly threadRef?: string };

/**
 * How a platform takes a file message, in two steps, so the outbox can keep what the first step made between tries:
 * a send retried after a crash (the upload done, the entry not yet marked sent) reuses the upload instead of
 * uploading again, and the platform can then recognise the second post as the first (deliver-file.ts).
 */
export interface FileSender {
  /** The most bytes one file may have here (the platform's documented upload limit); a bigger one is not tried. */
  readonly maxBytes: number;
  /** Uploads the bytes and returns the platform's reference to them (a media_id, a file id). Shows nothing. */
  upload(workspaceId: string, file: FileRef, bytes: Uint8Array): Promise<string>;
  /**
   * Shows the uploaded file in the conversation, `message.text` beside it where the platform can. `retry` is true
   * when the upload came from an earlier try, which may have shown it already.
   */
  post(
    workspaceId: string,
    target: PlatformTarget,
    uploadRef: string,
    message: PlatformMessage,
    retry: boolean,
  ): Promise<SentRef>;
}

/**
 * The port every chat platform implements. Calls may be retried by the outbox, so each takes the outbox entry's
 * idempotency key and an adapter that can pass it to its platform does.
 */
export interface ChatAdapter {
  readonly platform: Platform;
  readonly pacing: Pacing;
  /** File messages in two steps; absent: the adapter shows a file its own way in `send` (the sandbox: a link). */
  readonly files?: FileSender;
  send(
    workspaceId: string,
    target: PlatformTarget,
    message: PlatformMessage,
    idempotencyKey: string,
  ): Promise<SentRef>;
  update(
    workspaceId: string,
    target: PlatformTarget,
    messageRef: string,
    message: OutboundMessage,
  ): Promise<void>;
}

/**
 * A failure the outbox should retry soon, after the wait the platform asked for (rate limit, 5xx, network). Other
 * errors are retried too, with backoff, until the entry's attempts run out.
 */
export class TransientDeliveryError extends Error {
  readonly retryAfterMs: number | undefined;
  constructor(message: string, retryAfterMs?: number) {
    super(message);
    this.name = 'TransientDeliveryError';
    this.retryAfterMs = retryAfterMs;
  }
}

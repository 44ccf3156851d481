import type { Platform } from '../core/org/types.js';
import type { OutboundMessage } from './card.js';

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
 * The port every chat platform implements. Calls may be retried by the outbox, so each takes the outbox entry's
 * idempotency key and an adapter that can pass it to its platform does.
 */
export interface ChatAdapter {
  readonly platform: Platform;
  readonly pacing: Pacing;
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

import type { BackgroundWork } from './background-work.js';
import type { OutboundMessage } from './card.js';
import type { ChatAdapter } from './chat-adapter.js';
import type { ChatEvent } from './events.js';
import type { InboundEventLedger } from './inbound-ports.js';
import type { DispatchResult, Registry } from './registry.js';

/** How long one attempt owns an event: longer than any handler takes, short enough for a retry after a crash. */
export const EVENT_LEASE_MS = 2 * 60_000;

/** pino-compatible; only what is written here. */
export type InboundLog = { error(obj: object, msg: string): void };

/** What every platform's inbound side needs to turn an event into a handled one. */
export type InboundDeps = {
  readonly registry: Pick<Registry, 'dispatch'>;
  readonly inboundEvents: InboundEventLedger;
  readonly log: InboundLog;
};

/** Sends one reply where the platform shows it; `key` is its idempotency key. */
export type SendReply = (reply: OutboundMessage, key: string) => Promise<unknown>;

/**
 * The one inbound path of every platform: dedupe, dispatch, reply.
 * - Dedupe is at-least-once: the event is started (with a lease) before the registry and done after, so a retry of
 *   a handled event does nothing, and a retry of one whose handler crashed is handled again.
 * - Replies go out in order, each under a key made of the event id (a retry of the same outcome sends nothing
 *   twice); a crashed attempt's apology is keyed by its attempt, so the retry's real answer is not taken for it.
 * A reply that fails is logged and the rest dropped: the event was handled, sending it again would repeat it.
 */
export async function dispatchAndReply(
  deps: InboundDeps,
  event: ChatEvent,
  send: SendReply,
): Promise<DispatchResult> {
  const { platform } = event.user;
  const claim = await deps.inboundEvents.begin(platform, event.eventId, EVENT_LEASE_MS);
  if (claim.outcome !== 'start') return { ok: true, replies: [], duplicate: true };
  let result: DispatchResult;
  try {
    result = await deps.registry.dispatch(event);
  } catch (error) {
    await deps.inboundEvents.abandon(platform, event.eventId, claim.attempt);
    throw error;
  }
  if (result.crashed) await deps.inboundEvents.abandon(platform, event.eventId, claim.attempt);
  else await deps.inboundEvents.finish(platform, event.eventId);
  const prefix = result.crashed ? `${event.eventId}:${claim.attempt}` : event.eventId;
  for (const [index, reply] of result.replies.entries()) {
    try {
      await send(reply, `${prefix}:reply:${index}`);
    } catch (error) {
      deps.log.error({ err: error, platform, eventId: event.eventId }, 'chat reply failed');
      break;
    }
  }
  return result;
}

/**
 * For webhooks that acknowledged first: the same, tracked by `background` so shutdown can wait for it. Nothing
 * escapes: the platform has its answer already, so a failure (the database down) can only be logged.
 */
export function dispatchInBackground(
  deps: InboundDeps & { readonly background: BackgroundWork },
  event: ChatEvent,
  send: SendReply,
  /** What to do with the result once the replies are out (Slack's Home tab draws it). */
  after: (result: DispatchResult) => Promise<unknown> = async () => undefined,
): void {
  deps.background.run(() =>
    dispatchAndReply(deps, event, send)
      .then(after)
      .catch((error: unknown) =>
        deps.log.error(
          { err: error, platform: event.user.platform, eventId: event.eventId },
          'chat event handling failed',
        ),
      ),
  );
}

/**
 * Replies in the user's 1:1 chat with the bot, where they play the part of Slack's ephemeral answers (a group sees
 * only the cards the outbox posts): DingTalk and WeCom answer this way.
 */
export function replyInDm(
  adapter: Pick<ChatAdapter, 'send'>,
  workspaceId: string,
  event: ChatEvent,
): SendReply {
  return (reply, key) => adapter.send(workspaceId, { kind: 'dm', userId: event.user.userId }, reply, key);
}

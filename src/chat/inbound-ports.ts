import type { Platform } from '../core/org/types.js';

/** What `begin` decided for one delivery of an event. */
export type EventClaim =
  /** Handle it: the first delivery, or a retry after an attempt that crashed or whose lease ran out. */
  | { readonly outcome: 'start'; readonly attempt: string }
  /** Handled already: a retry does nothing. */
  | { readonly outcome: 'done' }
  /** Another attempt is handling it right now (its lease is live): this retry does nothing. */
  | { readonly outcome: 'busy' };

/**
 * At-least-once inbound events: an event is recorded as started (with a lease) before handling and as done after,
 * so a platform's retry of a handled event does nothing, and a retry of one whose handler crashed (or whose process
 * died, once the lease ran out) is handled again.
 */
export interface InboundEventLedger {
  /** One atomic write decides between two instances receiving the same retry. */
  begin(platform: Platform, eventId: string, leaseMs: number): Promise<EventClaim>;
  finish(platform: Platform, eventId: string): Promise<void>;
  /** Ends this attempt's lease at once, so the platform's next retry is handled. */
  abandon(platform: Platform, eventId: string, attempt: string): Promise<void>;
}

/**
 * What became of the first sight of a signed request's proof (its timestamp with its sign or nonce):
 * - `first`: never seen within its window;
 * - `repeat`: seen before with the same body, i.e. the platform redelivering one request (still deduped by event id);
 * - `replay`: seen before with another body: someone reused a captured signature, refuse it.
 */
export type SignatureUse = 'first' | 'repeat' | 'replay';

/**
 * The signed requests already accepted, kept at least as long as any platform's window would accept their
 * timestamp. DingTalk's robot and card signs cover only the timestamp, so without this one captured pair would
 * authenticate any body for an hour.
 */
export interface SeenSignatures {
  /** One atomic insert decides, so two instances cannot both accept the same proof with different bodies. */
  record(platform: Platform, proof: string, bodyDigest: string): Promise<SignatureUse>;
}

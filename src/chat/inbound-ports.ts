import type { Platform } from '../core/org/types.js';

/** Remembers which inbound events were handled, so a platform's retry of the same event does nothing. */
export interface InboundEventLog {
  /** Atomically records the event; true the first time, false for every retry. */
  firstSeen(platform: Platform, eventId: string): Promise<boolean>;
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

import type { Platform } from '../core/org/types.js';

/** Remembers which inbound events were handled, so a platform's retry of the same event does nothing. */
export interface InboundEventLog {
  /** Atomically records the event; true the first time, false for every retry. */
  firstSeen(platform: Platform, eventId: string): Promise<boolean>;
}

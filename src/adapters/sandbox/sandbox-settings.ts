/**
 * The sandbox's settings. It has no variables of its own (SANDBOX_ENABLED, in the config schema, decides whether it
 * runs): what a real platform's console would configure is fixed here, in one place.
 */
export const SANDBOX_SETTINGS = {
  /** Messages one read returns at most (the page shows the latest 200). */
  maxMessagesPerRead: 500,
  defaultMessagesPerRead: 200,
  /** A typed command, as long as a chat platform allows a message to be. */
  maxCommandLength: 4000,
  /** A caller's own event id (for retries): as long as the platforms' ids, with room. */
  maxEventIdLength: 100,
} as const;

/** Rule failures of the follow-up records. */
export type FollowUpErrorCode =
  /** No follow-up record with that id in the caller's org (or one they may not see). */
  | 'FOLLOW_UP_NOT_FOUND'
  /** A correction by someone who is neither the author nor above them. */
  | 'FOLLOW_UP_NOT_YOURS'
  /** A correction of a version that is no longer the newest. */
  | 'FOLLOW_UP_SUPERSEDED';

declare module '../shared/errors.js' {
  interface DomainErrorCodes extends Record<FollowUpErrorCode, true> {}
}

/** Rule failures of the pools: claim, release, the director's decision and the pool limits. */
export type PoolErrorCode =
  | 'LEAD_ALREADY_CLAIMED'
  | 'LEAD_ASSIGNED_TO_OTHER'
  | 'LEAD_NOT_YOURS'
  | 'LEAD_NOT_IN_YOUR_TEAM'
  /** An intern (实习) may not claim (nor be given) an important lead. */
  | 'INTERN_IMPORTANT_LEAD'
  | 'PRIVATE_POOL_FULL'
  | 'POOL_CLAIM_LIMIT'
  | 'CLAIM_COOLDOWN'
  | 'LEAD_NOT_RELEASABLE'
  | 'RELEASE_NOT_PENDING'
  | 'NOT_A_CANDIDATE'
  /** A hand assignment to a member who cannot take it now (details.why: a routing skip reason). */
  | 'ASSIGNEE_NOT_ELIGIBLE';

declare module '../shared/errors.js' {
  interface DomainErrorCodes extends Record<PoolErrorCode, true> {}
}

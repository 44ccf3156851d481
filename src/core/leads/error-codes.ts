/** Rule failures of leads: intake, claim, release, routing configuration. */
export type LeadErrorCode =
  | 'LEAD_NOT_FOUND'
  | 'LEAD_ALREADY_CLAIMED'
  | 'LEAD_ASSIGNED_TO_OTHER'
  | 'LEAD_IS_DUPLICATE'
  | 'LEAD_NOT_YOURS'
  | 'LEAD_NOT_IN_YOUR_TEAM'
  | 'PRIVATE_POOL_FULL'
  | 'POOL_CLAIM_LIMIT'
  | 'CLAIM_COOLDOWN'
  | 'LEAD_NOT_RELEASABLE'
  | 'RELEASE_NOT_PENDING'
  | 'NOT_A_CANDIDATE'
  | 'BATCH_TOO_LARGE';

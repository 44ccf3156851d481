/** Rule failures of leads: intake, claim, release, routing configuration. */
export type LeadErrorCode =
  | 'LEAD_NOT_FOUND'
  | 'LEAD_ALREADY_CLAIMED'
  | 'LEAD_ASSIGNED_TO_OTHER'
  | 'LEAD_IS_DUPLICATE'
  | 'LEAD_NOT_YOURS'
  | 'LEAD_NOT_IN_YOUR_TEAM'
  | 'PRIVATE_POOL_FULL'
  | 'BATCH_TOO_LARGE';

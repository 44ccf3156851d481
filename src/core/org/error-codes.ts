/** Rule failures of the org: who is asking and what they may do. */
export type OrgErrorCode =
  | 'ORG_NOT_FOUND'
  | 'TEAM_NOT_FOUND'
  | 'MEMBER_NOT_FOUND'
  | 'MEMBER_INACTIVE'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'IDENTITY_NOT_LINKED';

declare module '../shared/errors.js' {
  interface DomainErrorCodes extends Record<OrgErrorCode, true> {}
}

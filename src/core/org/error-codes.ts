/** Rule failures of the org: who is asking and what they may do. */
export type OrgErrorCode =
  | 'ORG_NOT_FOUND'
  | 'TEAM_NOT_FOUND'
  | 'MEMBER_NOT_FOUND'
  | 'MEMBER_INACTIVE'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'IDENTITY_NOT_LINKED'
  /** `/token revoke …`: none of the member's tokens has that prefix or name. */
  | 'TOKEN_NOT_FOUND'
  /** `/token revoke …`: the prefix (or name) fits several of the member's live tokens; nothing was revoked. */
  | 'TOKEN_AMBIGUOUS';

declare module '../shared/errors.js' {
  interface DomainErrorCodes extends Record<OrgErrorCode, true> {}
}

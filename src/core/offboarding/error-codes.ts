/** Refusals of offboarding (core/offboarding). */
export type OffboardingErrorCode =
  /** The member has already left: `byName` and `at` say who offboarded them and when. */
  | 'MEMBER_ALREADY_LEFT'
  /** Another admin's offboarding of the member is running right now (`byName`); it finishes on its own. */
  | 'OFFBOARDING_IN_PROGRESS'
  /** The named receiver cannot take leads: `why` is `inactive`, `leaver`, `not_rep` or `out_of_scope`. */
  | 'HANDOVER_RECEIVER_NOT_ELIGIBLE';

declare module '../shared/errors.js' {
  interface DomainErrorCodes extends Record<OffboardingErrorCode, true> {}
}

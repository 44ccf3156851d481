import type { FollowUpErrorCode } from '../../core/follow-ups/index.js';
import type { ErrorDetails } from '../../core/shared/errors.js';

/** The follow-up records' refusals in English, spread into the catalogue's `errors`. */
export const followUpErrorsEn: Readonly<Record<FollowUpErrorCode, (d: ErrorDetails) => string>> = {
  FOLLOW_UP_NOT_FOUND: () => 'No such follow-up record.',
  FOLLOW_UP_NOT_YOURS: () =>
    'Only whoever recorded this follow-up, or their manager, a director or an admin, can correct it.',
  FOLLOW_UP_SUPERSEDED: () => 'This follow-up was corrected already: correct its newest version.',
};

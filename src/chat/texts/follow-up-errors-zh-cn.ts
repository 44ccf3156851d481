import type { FollowUpErrorCode } from '../../core/follow-ups/index.js';
import type { ErrorDetails } from '../../core/shared/errors.js';

/** The follow-up records' refusals in Chinese, spread into the catalogue's `errors`. */
export const followUpErrorsZhCN: Readonly<Record<FollowUpErrorCode, (d: ErrorDetails) => string>> = {
  FOLLOW_UP_NOT_FOUND: () => '没有找到这条跟进记录。',
  FOLLOW_UP_NOT_YOURS: () => '只有记录人本人或其主管、总监、管理员才能更正这条跟进记录。',
  FOLLOW_UP_SUPERSEDED: () => '这条跟进记录已被更正过，请在最新版本上更正。',
};

import type { ErrorCode } from '../core/shared/errors.js';

/** The HTTP status for each rule failure; a new code without one fails to compile. */
export const HTTP_STATUS: Readonly<Record<ErrorCode, number>> = {
  VALIDATION_FAILED: 400,
  BAD_COMMAND_ARGS: 400,
  UNKNOWN_COMMAND: 400,
  UNKNOWN_ACTION: 400,
  COMMAND_NOT_AVAILABLE: 400,
  UNAUTHENTICATED: 401,
  IDENTITY_NOT_LINKED: 403,
  FORBIDDEN: 403,
  MEMBER_INACTIVE: 403,
  NOT_FOUND: 404,
  ORG_NOT_FOUND: 404,
  TEAM_NOT_FOUND: 404,
  MEMBER_NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
};

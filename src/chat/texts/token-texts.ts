import type { ErrorDetails } from '../../core/shared/errors.js';

/** One of the member's tokens as `/token list` shows it: never its secret or hash. Times already in the org's zone. */
export type TokenLine = {
  readonly name: string;
  readonly prefix: string;
  readonly created: string;
  /** Absent: never used. */
  readonly lastUsed?: string;
};

/** `/令牌` (`/token`): a member's own API tokens, in their 1:1 chat with the bot only. */
export type TokenChatTexts = {
  /** The one time the secret is shown. */
  readonly created: (p: {
    readonly name: string;
    readonly prefix: string;
    readonly secret: string;
  }) => string;
  readonly listTitle: (count: number) => string;
  readonly line: (line: TokenLine) => string;
  readonly none: string;
  readonly revoked: (name: string, prefix: string) => string;
  readonly alreadyRevoked: (name: string, prefix: string) => string;
  /** Typed in a group: nothing was done, and the member is sent to their 1:1 chat. */
  readonly dmOnly: string;
  readonly noName: string;
  readonly nameTaken: (name: string) => string;
  readonly nameTooLong: (max: number) => string;
  readonly noRef: string;
  /** A sub-command that is none of 新建 / 列表 / 撤销, as typed. */
  readonly unknown: (word: string) => string;
  readonly errors: {
    readonly TOKEN_NOT_FOUND: (d: ErrorDetails) => string;
    readonly TOKEN_AMBIGUOUS: (d: ErrorDetails) => string;
  };
};

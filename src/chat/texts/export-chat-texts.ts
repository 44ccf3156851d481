import type { ExportKind } from '../../core/exports/export-kinds.js';

/** `/导出` (`/export`): the answer at once, the file's text, and the problems, in the reader's language. */
export type ExportChatTexts = {
  /** "正在导出跟进记录（本月）…，完成后发到你的私聊" */
  readonly working: (what: string) => string;
  /** The kind and period as one phrase: 跟进记录（本月）. */
  readonly what: (kind: ExportKind, period: string | undefined) => string;
  readonly fileReady: (what: string, rows: string) => string;
  readonly empty: (what: string) => string;
  readonly failed: (what: string, reason: string | undefined) => string;
  /** The file is bigger than the platform takes (sizes already worded: "25.3 MB"); what to do instead. */
  readonly fileTooBig: (fileName: string, size: string, limit: string) => string;
  /** Every try to send the file failed: said instead of the file on the last one. */
  readonly fileNotSent: (fileName: string) => string;
  /** The file left the store (its 7 days ended) before it could be sent. */
  readonly fileExpired: (fileName: string) => string;
  readonly noKind: string;
  readonly unknownKind: (word: string) => string;
  readonly unknown: (words: string) => string;
  readonly tooMany: string;
  /** The member's role may not export this kind (the audit trail is for admins): said at once, nothing queued. */
  readonly notAllowed: (kind: ExportKind) => string;
};

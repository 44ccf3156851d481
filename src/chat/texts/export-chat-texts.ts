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
  readonly noKind: string;
  readonly unknownKind: (word: string) => string;
  readonly unknown: (words: string) => string;
  readonly tooMany: string;
};

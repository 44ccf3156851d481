/**
 * WeCom's handle for changing a card already sent: a response_code, given by message/send and by every click on
 * the card. Each code works once and for 72 hours, so the store keeps the latest per task_id and hands it out once.
 * Doc: https://developer.work.weixin.qq.com/document/path/94888
 */
export interface ResponseCodeStore {
  /** Remembers a card's (task_id's) code as its latest, replacing an older one; `at` is when it was received. */
  save(taskId: string, code: string, at: Date): Promise<void>;
  /** Reads and forgets the code: once used it is spent, and a second use would only fail. */
  take(taskId: string): Promise<string | undefined>;
}

/** Codes older than this are spent on WeCom's side; handing them out would only produce an errcode. */
export const RESPONSE_CODE_TTL_MS = 72 * 60 * 60 * 1000;

/**
 * An in-memory store for tests and single-process demos: codes are lost on restart, so production wants one that
 * persists (a collection keyed by task_id with a TTL index on `at`).
 */
export function inMemoryResponseCodes(now: () => Date = () => new Date()): ResponseCodeStore & {
  readonly codes: ReadonlyMap<string, { readonly code: string; readonly at: Date }>;
} {
  const codes = new Map<string, { code: string; at: Date }>();
  return {
    codes,
    async save(taskId, code, at) {
      codes.set(taskId, { code, at });
    },
    async take(taskId) {
      const entry = codes.get(taskId);
      codes.delete(taskId);
      if (!entry || now().getTime() - entry.at.getTime() >= RESPONSE_CODE_TTL_MS) return undefined;
      return entry.code;
    },
  };
}

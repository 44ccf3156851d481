import { z } from 'zod';
import { TransientDeliveryError } from '../../chat/chat-adapter.js';

// How a WeCom API answer becomes a result or an error. WeCom answers HTTP 200 with an errcode for most failures.
// Doc (全局错误码): https://developer.work.weixin.qq.com/document/path/90313

/** A WeCom errcode the outbox should not retry soon: a setting, a permission or the request itself is wrong. */
export class WecomApiError extends Error {
  constructor(
    readonly api: string,
    readonly errcode: number,
    errmsg: string,
  ) {
    const hint = HINTS[errcode];
    super(`WeCom ${api} failed: errcode ${errcode} ${errmsg}${hint ? ` — ${hint}` : ''}`);
    this.name = 'WecomApiError';
  }
}

/** Errcodes that mean "try again later": -1 system busy, 45009 call frequency, 45033 concurrency. */
const TRANSIENT_ERRCODES: Readonly<Record<number, number | undefined>> = {
  [-1]: undefined,
  // A caller over a per-minute limit is blocked for 60 s (访问频率限制, document/path/90312); no Retry-After is sent.
  45009: 60_000,
  45033: 1_000,
};

/** Which setting to fix for the errcodes a misconfigured deploy gets. */
const HINTS: Readonly<Record<number, string>> = {
  40001: 'check WECOM_SECRET (the Secret of this app, not of another app)',
  40013: 'check WECOM_CORP_ID',
  40056: 'check WECOM_AGENT_ID',
  48002: "the app lacks this API's permission in the admin console",
  60020: "add this server's public IP to the app's trusted IPs (企业可信IP)",
};

export type WecomReply = z.infer<typeof replySchema>;

const replySchema = z.looseObject({
  // gettoken and the other APIs send errcode 0 on success; a body without one is treated the same.
  errcode: z.number().default(0),
  errmsg: z.string().default(''),
});

/** A hung connection must not hold an outbox worker for ever; the outbox retries a timeout like a network error. */
const TIMEOUT_MS = 10_000;

/** One HTTP call; network trouble, 429 and 5xx become TransientDeliveryError. `api` names it in errors. */
export async function wecomFetchJson(
  fetchFn: typeof fetch,
  url: string,
  api: string,
  init: RequestInit = {},
): Promise<WecomReply> {
  let response: Response;
  try {
    response = await fetchFn(url, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (error) {
    // Only the cause's message: the URL holds the access token or the secret.
    throw new TransientDeliveryError(`WeCom ${api} unreachable: ${(error as Error).message}`);
  }
  if (response.status >= 500 || response.status === 429) {
    throw new TransientDeliveryError(`WeCom ${api} answered HTTP ${response.status}`);
  }
  if (!response.ok) throw new Error(`WeCom ${api} answered HTTP ${response.status}`);
  const parsed = replySchema.safeParse(await response.json().catch(() => undefined));
  // A 200 that is not WeCom JSON comes from a proxy or a captive portal in between, which passes.
  if (!parsed.success) throw new TransientDeliveryError(`WeCom ${api} answered something other than JSON`);
  return parsed.data;
}

/** The reply when errcode is 0; otherwise the matching error. */
export function checkReply(reply: WecomReply, api: string): WecomReply {
  if (reply.errcode === 0) return reply;
  if (reply.errcode in TRANSIENT_ERRCODES) {
    throw new TransientDeliveryError(
      `WeCom ${api}: errcode ${reply.errcode} ${reply.errmsg}`,
      TRANSIENT_ERRCODES[reply.errcode],
    );
  }
  throw new WecomApiError(api, reply.errcode, reply.errmsg);
}

import { TransientDeliveryError } from '../../chat/chat-adapter.js';
import { type Clock, systemClock } from '../../core/shared/clock.js';
import type { DingtalkSettings } from './dingtalk-settings.js';

export type DingtalkHttpDeps = { readonly fetch?: typeof fetch; readonly clock?: Clock };

/** A refusal the platform will repeat on retry (bad input, missing permission). `code` is DingTalk's. */
export class DingtalkApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'DingtalkApiError';
  }
}

export type DingtalkCall = (method: 'POST' | 'PUT', path: string, body: unknown) => Promise<unknown>;

/** errcode 90002 and the new API's QPS codes mean "too fast": wait and try again. */
const RATE_LIMITED = /QpsLimit|Throttl|FlowControl|RateLimit/i;
const RATE_LIMIT_WAIT_MS = 60_000;
/** Tokens live 7200 s; renew 5 minutes early so a call never goes out with one about to lapse. */
const TOKEN_MARGIN_MS = 5 * 60_000;
const TIMEOUT_MS = 10_000;

/**
 * Signed JSON calls to the DingTalk OpenAPI at `settings.apiUrl`, with the app access token cached until shortly
 * before it expires. Errors: 429, 5xx, network, timeouts, rate-limit codes → TransientDeliveryError; 401 drops
 * the token and is transient too (the next try fetches a new one); anything else → DingtalkApiError.
 */
export function dingtalkHttp(settings: DingtalkSettings, deps: DingtalkHttpDeps = {}): DingtalkCall {
  return dingtalkHttpClient(settings, deps).call;
}

/** The JSON calls, and the cached access token itself for the calls that are not JSON (media upload). */
export function dingtalkHttpClient(
  settings: DingtalkSettings,
  deps: DingtalkHttpDeps = {},
): { readonly call: DingtalkCall; readonly accessToken: () => Promise<string> } {
  const doFetch = deps.fetch ?? fetch;
  const clock = deps.clock ?? systemClock;
  let token: { value: string; expiresAt: number } | undefined;
  let pending: Promise<string> | undefined;

  async function send(method: string, path: string, body: unknown, accessToken?: string): Promise<unknown> {
    let response: Response;
    try {
      response = await doFetch(`${settings.apiUrl}${path}`, {
        method,
        headers: {
          'content-type': 'application/json',
          ...(accessToken ? { 'x-acs-dingtalk-access-token': accessToken } : {}),
        },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      throw new TransientDeliveryError(`DingTalk ${path} unreachable: ${(error as Error).message}`);
    }
    const text = await response.text();
    const json = parseJson(text);
    if (response.status === 401 && accessToken) token = undefined;
    const code = String(json.code ?? json.errcode ?? '');
    const message = String(json.message ?? json.errmsg ?? text.slice(0, 200));
    const limited = response.status === 429 || code === '90002' || RATE_LIMITED.test(code);
    if (limited) {
      throw new TransientDeliveryError(
        `DingTalk ${path} rate limited (${code})`,
        retryAfter(response) ?? RATE_LIMIT_WAIT_MS,
      );
    }
    if (response.status >= 500 || (response.status === 401 && accessToken)) {
      throw new TransientDeliveryError(
        `DingTalk ${path} answered ${response.status} ${code}`,
        retryAfter(response),
      );
    }
    // Old-style endpoints answer 200 with a non-zero errcode.
    if (!response.ok || (json.errcode !== undefined && json.errcode !== 0)) {
      throw new DingtalkApiError(response.status, code, `DingTalk ${path} refused: ${code} ${message}`);
    }
    return json;
  }

  // Doc: https://open.dingtalk.com/document/orgapp/obtain-the-access-token-of-an-internal-app
  async function fetchToken(): Promise<string> {
    const json = (await send('POST', '/v1.0/oauth2/accessToken', {
      appKey: settings.clientId,
      appSecret: settings.clientSecret,
    }).catch((error: unknown) => {
      if (error instanceof DingtalkApiError) {
        throw new DingtalkApiError(
          error.status,
          error.code,
          `${error.message} (check DINGTALK_CLIENT_ID/SECRET)`,
        );
      }
      throw error;
    })) as { accessToken?: unknown; expireIn?: unknown };
    if (typeof json.accessToken !== 'string') throw new Error('DingTalk token answer has no accessToken');
    const lifetimeMs = (typeof json.expireIn === 'number' ? json.expireIn : 7200) * 1000;
    token = { value: json.accessToken, expiresAt: clock.now().getTime() + lifetimeMs - TOKEN_MARGIN_MS };
    return json.accessToken;
  }

  async function accessToken(): Promise<string> {
    if (token && token.expiresAt > clock.now().getTime()) return token.value;
    // Concurrent callers share one token request instead of each asking for their own.
    pending ??= fetchToken().finally(() => {
      pending = undefined;
    });
    return pending;
  }

  const call: DingtalkCall = async (method, path, body) => send(method, path, body, await accessToken());
  return { call, accessToken };
}

function parseJson(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function retryAfter(response: Response): number | undefined {
  const seconds = Number(response.headers.get('retry-after'));
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : undefined;
}

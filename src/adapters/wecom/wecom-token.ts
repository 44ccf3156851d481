import { z } from 'zod';
import type { Clock } from '../../core/shared/clock.js';
import { checkReply, wecomFetchJson } from './wecom-http.js';
import type { WecomSettings } from './wecom-settings.js';

/** The app's access_token, fetched once and shared until it expires. */
export interface TokenSource {
  get(): Promise<string>;
  /** Forgets `token` after WeCom called it invalid or expired; a newer token already fetched is kept. */
  invalidate(token: string): void;
}

const tokenReply = z.looseObject({
  access_token: z.string().min(1),
  expires_in: z.number().int().positive(),
});

/**
 * WeCom limits gettoken calls and wants the token cached (it lives 7200 s); it is renewed a few minutes early so a
 * request never leaves with a token that expires on the way.
 */
const RENEW_EARLY_MS = 5 * 60 * 1000;

export function wecomTokenSource(
  settings: WecomSettings,
  deps: { readonly fetch: typeof fetch; readonly clock: Clock },
): TokenSource {
  let cached: { token: string; expiresAt: number } | undefined;
  // Concurrent sends at start-up share one gettoken call instead of each fetching its own token.
  let inFlight: Promise<string> | undefined;

  async function fetchToken(): Promise<string> {
    const query = new URLSearchParams({ corpid: settings.WECOM_CORP_ID, corpsecret: settings.WECOM_SECRET });
    // 获取access_token: https://developer.work.weixin.qq.com/document/path/91039
    const reply = checkReply(
      await wecomFetchJson(
        deps.fetch,
        `${settings.WECOM_API_URL}/cgi-bin/gettoken?${query}`,
        '/cgi-bin/gettoken',
      ),
      '/cgi-bin/gettoken',
    );
    const { access_token, expires_in } = tokenReply.parse(reply);
    cached = {
      token: access_token,
      expiresAt: deps.clock.now().getTime() + expires_in * 1000 - RENEW_EARLY_MS,
    };
    return access_token;
  }

  return {
    get() {
      if (cached && deps.clock.now().getTime() < cached.expiresAt) return Promise.resolve(cached.token);
      inFlight ??= fetchToken().finally(() => {
        inFlight = undefined;
      });
      return inFlight;
    },
    invalidate(token) {
      if (cached?.token === token) cached = undefined;
    },
  };
}

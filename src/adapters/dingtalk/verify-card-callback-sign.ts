import { createHmac } from 'node:crypto';
import type { Clock } from '../../core/shared/clock.js';
import { constantTimeEqual, isFresh, type SignCheck } from './verify-robot-sign.js';

/**
 * Card button callbacks over HTTP are signed differently from robot messages: when the callback route was
 * registered with an `apiSecret` (we register it with the app secret), each request carries
 * `x-ddpaas-signature-timestamp` and `x-ddpaas-signature` = Base64(HMAC-SHA256(key = apiSecret, timestamp)).
 * Doc: https://open.dingtalk.com/document/development/event-callback-card (回调签名验证)
 */
export function verifyCardCallbackSign(
  headers: { readonly timestamp?: string | undefined; readonly signature?: string | undefined },
  apiSecret: string,
  clock: Clock,
): SignCheck {
  const { timestamp, signature } = headers;
  if (!timestamp || !signature || !/^\d{1,16}$/.test(timestamp)) return { ok: false, reason: 'missing' };
  // The doc does not say seconds or milliseconds; a value below 1e12 can only be seconds (it would be 2001 in ms).
  const ms = Number(timestamp) < 1e12 ? Number(timestamp) * 1000 : Number(timestamp);
  if (!isFresh(ms, clock)) return { ok: false, reason: 'stale' };
  const expected = createHmac('sha256', apiSecret).update(timestamp).digest('base64');
  return constantTimeEqual(expected, signature) ? { ok: true } : { ok: false, reason: 'mismatch' };
}

import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Clock } from '../../core/shared/clock.js';

/** DingTalk's documented window: a sign older than an hour is refused (and kept as seen for that long). */
export const SIGN_WINDOW_MS = 60 * 60 * 1000;
/** A timestamp ahead of our clock is a clock skew at best: a few minutes are allowed, not the hour a replay wants. */
export const SIGN_FUTURE_MS = 5 * 60 * 1000;

export type SignCheck =
  | { readonly ok: true }
  | { readonly ok: false; readonly reason: 'missing' | 'stale' | 'mismatch' | 'replay' };

/**
 * The robot's HTTP callback headers: `sign` = Base64(HMAC-SHA256(key = appSecret, timestamp + "\n" + appSecret)),
 * `timestamp` in ms. Doc: https://open.dingtalk.com/document/orgapp/receive-message
 */
export function verifyRobotSign(
  headers: { readonly timestamp?: string | undefined; readonly sign?: string | undefined },
  appSecret: string,
  clock: Clock,
): SignCheck {
  const { timestamp, sign } = headers;
  if (!timestamp || !sign || !/^\d{1,16}$/.test(timestamp)) return { ok: false, reason: 'missing' };
  if (!isFresh(Number(timestamp), clock)) return { ok: false, reason: 'stale' };
  const expected = createHmac('sha256', appSecret).update(`${timestamp}\n${appSecret}`).digest('base64');
  return constantTimeEqual(expected, sign) ? { ok: true } : { ok: false, reason: 'mismatch' };
}

export function isFresh(timestampMs: number, clock: Clock): boolean {
  const age = clock.now().getTime() - timestampMs;
  return age <= SIGN_WINDOW_MS && age >= -SIGN_FUTURE_MS;
}

/** timingSafeEqual throws on different lengths, and a length check alone leaks nothing worth having. */
export function constantTimeEqual(expected: string, received: string): boolean {
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(received, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

import { createHash } from 'node:crypto';
import type { SeenSignatures } from '../../chat/inbound-ports.js';
import type { Clock } from '../../core/shared/clock.js';
import { type SignedQuery, verifySignature } from './wecom-crypto.js';

/** WeCom does not document a window; five minutes back covers its retries (3 within ~15 s) and a skewed clock. */
const WECOM_WINDOW_MS = 5 * 60_000;
/** A timestamp ahead of our clock is skew at most: one minute. */
const WECOM_FUTURE_MS = 60_000;

export type WecomSignatureDeps = {
  /** A clock the sandbox cannot move (the system clock in production; fixed for the official vectors). */
  readonly signatureClock: Clock;
  readonly seenSignatures: SeenSignatures;
};

export type WecomSignatureCheck =
  | { readonly ok: true }
  | { readonly ok: false; readonly reason: 'stale' | 'mismatch' | 'replay' };

/**
 * The timestamp inside the window, then msg_signature (wecom-crypto's constant-time check): without the window a
 * callback captured once (even one stamped in 2001) could be sent again for ever.
 * Doc: https://developer.work.weixin.qq.com/document/path/90968 (加解密方案说明)
 */
export function verifyWecomSignature(
  token: string,
  query: SignedQuery,
  encrypted: string,
  clock: Clock,
): WecomSignatureCheck {
  if (!isFresh(query.timestamp, clock)) return { ok: false, reason: 'stale' };
  return verifySignature(token, query, encrypted) ? { ok: true } : { ok: false, reason: 'mismatch' };
}

/**
 * Records the verified (timestamp, nonce) pair: accepted once within the window. The signature covers the body,
 * so a pair seen again is WeCom redelivering the same request (deduped by event id later), never another body;
 * `replay` would mean a sha1 collision, refused all the same. Called once the request was stored (its response
 * code), so a failure before that still lets WeCom's retry through.
 */
export async function recordWecomSignature(
  query: SignedQuery,
  encrypted: string,
  seen: SeenSignatures,
): Promise<WecomSignatureCheck> {
  const digest = createHash('sha256').update(encrypted).digest('base64');
  const use = await seen.record('wecom', `${query.timestamp}:${query.nonce}`, digest);
  return use === 'replay' ? { ok: false, reason: 'replay' } : { ok: true };
}

function isFresh(timestamp: string, clock: Clock): boolean {
  // Seconds, digits only: "1e9" or " 12" would be numbers to Number() but are not what WeCom signs.
  if (!/^\d{1,12}$/.test(timestamp)) return false;
  const age = clock.now().getTime() - Number(timestamp) * 1000;
  return age <= WECOM_WINDOW_MS && age >= -WECOM_FUTURE_MS;
}

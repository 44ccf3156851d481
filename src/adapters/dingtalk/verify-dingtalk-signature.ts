import { createHash } from 'node:crypto';
import type { SeenSignatures } from '../../chat/inbound-ports.js';
import type { Clock } from '../../core/shared/clock.js';
import { verifyCardCallbackSign } from './verify-card-callback-sign.js';
import { type SignCheck, verifyRobotSign } from './verify-robot-sign.js';

export type DingtalkSignatureDeps = {
  /** A clock the sandbox cannot move (the system clock in production; fixed in tests of old vectors). */
  readonly signatureClock: Clock;
  readonly seenSignatures: SeenSignatures;
};

type Headers = (name: string) => string | undefined;

/**
 * An HTTP-mode callback's headers: robot messages carry `timestamp`/`sign`, card callbacks the
 * `x-ddpaas-signature*` pair, both keyed by the app secret. DingTalk's sign covers only the timestamp, never the
 * body, so the pair is also accepted once: the same pair again with another body is a replay (someone who saw one
 * request acting as another user); with the same body it is DingTalk redelivering, deduped later by event id.
 */
export async function verifyDingtalkSignature(
  header: Headers,
  rawBody: Buffer,
  secret: string,
  deps: DingtalkSignatureDeps,
): Promise<SignCheck> {
  const signature = header('x-ddpaas-signature');
  const timestamp = header(signature !== undefined ? 'x-ddpaas-signature-timestamp' : 'timestamp');
  const check =
    signature !== undefined
      ? verifyCardCallbackSign({ timestamp, signature }, secret, deps.signatureClock)
      : verifyRobotSign({ timestamp, sign: header('sign') }, secret, deps.signatureClock);
  if (!check.ok) return check;
  const kind = signature !== undefined ? 'card' : 'robot';
  const proof = `${kind}:${timestamp}:${signature ?? header('sign')}`;
  const use = await deps.seenSignatures.record('dingtalk', proof, digest(rawBody));
  return use === 'replay' ? { ok: false, reason: 'replay' } : { ok: true };
}

export function digest(body: Buffer | string): string {
  return createHash('sha256').update(body).digest('base64');
}

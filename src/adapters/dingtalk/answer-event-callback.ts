import { randomBytes } from 'node:crypto';
import { decryptEvent, type EventCrypto, encryptedSuccess, verifyEventSignature } from './dingtalk-crypto.js';
import { type DingtalkSignatureDeps, digest } from './verify-dingtalk-signature.js';
import { isFresh } from './verify-robot-sign.js';

export type EventAnswer = {
  readonly status: number;
  readonly body: object;
  /** The decrypted event type, for the log; undefined when the request was refused. */
  readonly eventType?: string;
};

/**
 * An HTTP event-subscription callback: verify msg_signature (it covers timestamp, nonce and the encrypted body),
 * the window (an hour back, minutes ahead) and that the (timestamp, nonce) pair was not used for another body, decrypt, answer the
 * encrypted "success" (for `check_url`, the URL verification, that answer is the whole point; for any other
 * event it stops DingTalk's retries: we subscribe to none yet).
 * Doc: https://open.dingtalk.com/document/orgapp/configure-event-subcription
 */
export async function answerEventCallback(
  crypto: EventCrypto,
  query: Readonly<Record<string, string | undefined>>,
  rawBody: string,
  deps: DingtalkSignatureDeps,
): Promise<EventAnswer> {
  const clock = deps.signatureClock;
  const refused: EventAnswer = { status: 401, body: { error: 'bad signature' } };
  const signature = query.msg_signature ?? query.signature;
  const { timestamp, nonce } = query;
  const encrypt = encryptOf(rawBody);
  if (!signature || !timestamp || !nonce || !encrypt || !/^\d{1,16}$/.test(timestamp)) return refused;
  if (
    !isFresh(Number(timestamp), clock) ||
    !verifyEventSignature(crypto, { signature, timestamp, nonce }, encrypt)
  ) {
    return refused;
  }
  const proof = `event:${timestamp}:${nonce}`;
  if ((await deps.seenSignatures.record('dingtalk', proof, digest(encrypt))) === 'replay') return refused;
  let eventType: string;
  try {
    const event = JSON.parse(decryptEvent(crypto, encrypt)) as { EventType?: unknown };
    eventType = String(event.EventType ?? 'unknown');
  } catch {
    return refused;
  }
  const reply = encryptedSuccess(crypto, String(clock.now().getTime()), randomBytes(6).toString('hex'));
  return { status: 200, body: reply, eventType };
}

function encryptOf(rawBody: string): string | undefined {
  try {
    const body = JSON.parse(rawBody) as { encrypt?: unknown };
    return typeof body.encrypt === 'string' ? body.encrypt : undefined;
  } catch {
    return undefined;
  }
}

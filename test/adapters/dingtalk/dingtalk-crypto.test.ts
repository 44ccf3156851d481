import { describe, expect, it } from 'vitest';
import { answerEventCallback } from '../../../src/adapters/dingtalk/answer-event-callback.js';
import {
  decryptEvent,
  type EventCrypto,
  encryptEvent,
  eventSignature,
  verifyEventSignature,
} from '../../../src/adapters/dingtalk/dingtalk-crypto.js';
import { fixedClock, systemClock } from '../../../src/core/shared/clock.js';
import { useTestModels } from '../support/real-stores.js';

// PLATFORMS.md, "DingTalk event-callback crypto": DingCallbackCrypto3.py's own test.
const V = {
  token: 'mryue',
  aesKey: 'Yue0EfdN5900c1ce5cf6A152c63DDe1808a60c5ecd7',
  receiveId: 'ding6ccabc44d2c8d38b',
  signature: '03044561471240d4a14bb09372dfcfd4fd0e40cb',
  timestamp: '1608001896814',
  nonce: 'WL4PK6yA',
  encrypt:
    '0vJiX6vliEpwG3U45CtXqi+m8PXbQRARJ8p8BbDuD1EMTDf0jKpQ79QS93qEk7XHpP6u+oTTrd15NRPvNvmBKyDCYxxOK+HZeKju4yhELOFchzNukR+t8SB/qk4ROMu3',
  plaintext: '{"EventType":"check_url"}',
};
const crypto: EventCrypto = { token: V.token, aesKey: V.aesKey, receiveId: V.receiveId };

describe('DingTalk event crypto (official vector)', () => {
  it('computes the vector msg_signature', () => {
    expect(eventSignature(V.token, V.timestamp, V.nonce, V.encrypt)).toBe(V.signature);
    expect(verifyEventSignature(crypto, V, V.encrypt)).toBe(true);
    expect(verifyEventSignature(crypto, { ...V, nonce: 'WL4PK6yB' }, V.encrypt)).toBe(false);
  });

  it('decrypts the vector to the check_url event', () => {
    expect(decryptEvent(crypto, V.encrypt)).toBe(V.plaintext);
  });

  it('refuses a message meant for another receiver', () => {
    expect(() => decryptEvent({ ...crypto, receiveId: 'dingother' }, V.encrypt)).toThrow(/another receiver/);
  });

  it('encrypts what it decrypts, padded to 32-byte blocks', () => {
    const encrypted = encryptEvent(crypto, '{"EventType":"user_add_org"}', Buffer.alloc(16, 7));
    expect(Buffer.from(encrypted, 'base64').length % 32).toBe(0);
    expect(decryptEvent(crypto, encrypted)).toBe('{"EventType":"user_add_org"}');
  });
});

describe('answerEventCallback', () => {
  const query = { msg_signature: V.signature, timestamp: V.timestamp, nonce: V.nonce };
  const body = JSON.stringify({ encrypt: V.encrypt });
  const { seenSignatures } = useTestModels();
  const atVector = { signatureClock: fixedClock(new Date(Number(V.timestamp) + 5_000)), seenSignatures };
  const onRealClock = { signatureClock: systemClock, seenSignatures };

  it('answers the URL check with an encrypted, signed "success"', async () => {
    const answer = await answerEventCallback(crypto, query, body, atVector);
    expect(answer.status).toBe(200);
    expect(answer.eventType).toBe('check_url');
    const reply = answer.body as { msg_signature: string; timeStamp: string; nonce: string; encrypt: string };
    expect(reply.msg_signature).toBe(eventSignature(V.token, reply.timeStamp, reply.nonce, reply.encrypt));
    expect(decryptEvent(crypto, reply.encrypt)).toBe('success');
  });

  it('refuses a stale, tampered or unsigned callback', async () => {
    expect((await answerEventCallback(crypto, query, body, onRealClock)).status).toBe(401);
    expect((await answerEventCallback(crypto, { ...query, nonce: 'x' }, body, atVector)).status).toBe(401);
    expect(
      (await answerEventCallback(crypto, { timestamp: V.timestamp, nonce: V.nonce }, body, atVector)).status,
    ).toBe(401);
    expect((await answerEventCallback(crypto, query, 'not json', atVector)).status).toBe(401);
  });

  it('refuses a timestamp more than five minutes ahead of the clock', async () => {
    const behind = {
      ...atVector,
      signatureClock: fixedClock(new Date(Number(V.timestamp) - 5 * 60_000 - 1)),
    };
    expect((await answerEventCallback(crypto, query, body, behind)).status).toBe(401);
  });

  it('accepts a redelivery of the same request, and refuses its (timestamp, nonce) with another body', async () => {
    expect((await answerEventCallback(crypto, query, body, atVector)).status).toBe(200);
    const other = encryptEvent(crypto, '{"EventType":"user_add_org"}', Buffer.alloc(16, 7));
    const signed = { ...query, msg_signature: eventSignature(V.token, V.timestamp, V.nonce, other) };
    const replay = await answerEventCallback(crypto, signed, JSON.stringify({ encrypt: other }), atVector);
    expect(replay.status).toBe(401);
  });
});

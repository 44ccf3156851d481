import { timingSafeEqual } from 'node:crypto';
import { decrypt, encrypt, getSignature } from '@wecom/crypto';

// WeCom's callback crypto (WXBizMsgCrypt), through the official @wecom/crypto package.
// Doc: https://developer.work.weixin.qq.com/document/path/90968 (加解密方案说明)

/** What a callback carries in its query string to prove it comes from WeCom. */
export type SignedQuery = {
  readonly msgSignature: string;
  readonly timestamp: string;
  readonly nonce: string;
};

/** The settings the crypto needs: the Token signs, the EncodingAESKey encrypts, the corp id is the receiveid. */
export type WecomCryptoKeys = {
  readonly token: string;
  readonly encodingAesKey: string;
  readonly corpId: string;
};

/** The callback could not be decrypted, or was encrypted for another corp. */
export class WecomDecryptError extends Error {
  constructor(reason: string) {
    super(`WeCom callback could not be decrypted: ${reason}`);
    this.name = 'WecomDecryptError';
  }
}

/**
 * True when msg_signature = sha1(sort(token, timestamp, nonce, encrypted)). Compared in constant time so the time
 * taken tells an attacker nothing about how many leading characters they got right.
 */
export function verifySignature(token: string, query: SignedQuery, encrypted: string): boolean {
  const expected = Buffer.from(getSignature(token, query.timestamp, query.nonce, encrypted), 'utf8');
  const given = Buffer.from(query.msgSignature.toLowerCase(), 'utf8');
  // timingSafeEqual throws on different lengths; the length of a sha1 hex digest is no secret.
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The signature WeCom would send for this ciphertext: for tests, fixtures and encrypted passive replies. */
export function signEncrypted(token: string, timestamp: string, nonce: string, encrypted: string): string {
  return getSignature(token, timestamp, nonce, encrypted);
}

/**
 * Decrypts a verified callback payload and checks that it was meant for our corp: the receiveid at its end must
 * equal the corp id, otherwise a message for another corp sharing the key would be accepted.
 */
export function decryptPayload(keys: WecomCryptoKeys, encrypted: string): string {
  let opened: { message: string; id: string };
  try {
    opened = decrypt(keys.encodingAesKey, encrypted);
  } catch (error) {
    // Bad base64, a wrong key or a truncated block: OpenSSL's message says which, and holds no secret.
    throw new WecomDecryptError(error instanceof Error ? error.message : String(error));
  }
  const expected = Buffer.from(keys.corpId, 'utf8');
  const got = Buffer.from(opened.id, 'utf8');
  if (got.length !== expected.length || !timingSafeEqual(got, expected)) {
    throw new WecomDecryptError(
      'receiveid is not WECOM_CORP_ID (check WECOM_CORP_ID and WECOM_ENCODING_AES_KEY)',
    );
  }
  return opened.message;
}

/** Encrypts a payload as WeCom does (random 16 bytes, length, message, receiveid); `random` fixed only in tests. */
export function encryptPayload(keys: WecomCryptoKeys, message: string, random?: Buffer): string {
  return encrypt(keys.encodingAesKey, message, keys.corpId, random);
}

import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { constantTimeEqual } from './verify-robot-sign.js';

// The event-subscription crypto, the same scheme as WeCom's WXBizMsgCrypt:
// https://open.dingtalk.com/document/orgapp/configure-event-subcription (加解密方案)
// Reference code: https://github.com/open-dingtalk/DingTalk-Callback-Crypto

export type EventCrypto = {
  readonly token: string;
  /** The 43-character EncodingAESKey from the console. */
  readonly aesKey: string;
  /** Whose messages these are: the app key (Client ID) of an internal app, the corpId or suiteKey otherwise. */
  readonly receiveId: string;
};

/** PKCS#7 to a multiple of 32, not AES's 16: the scheme pads to the key length. */
const BLOCK = 32;

/** msg_signature = sha1 of the four strings sorted and joined. */
export function eventSignature(token: string, timestamp: string, nonce: string, encrypt: string): string {
  return createHash('sha1').update([token, timestamp, nonce, encrypt].sort().join('')).digest('hex');
}

export function verifyEventSignature(
  crypto: EventCrypto,
  query: { readonly signature: string; readonly timestamp: string; readonly nonce: string },
  encrypt: string,
): boolean {
  return constantTimeEqual(
    eventSignature(crypto.token, query.timestamp, query.nonce, encrypt),
    query.signature,
  );
}

/** Decrypts `encrypt`; throws when the padding, length or receiver id is wrong (a forged or foreign message). */
export function decryptEvent(crypto: EventCrypto, encrypt: string): string {
  const key = aesKeyBytes(crypto.aesKey);
  const decipher = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16));
  decipher.setAutoPadding(false);
  const padded = Buffer.concat([decipher.update(encrypt, 'base64'), decipher.final()]);
  const pad = padded.at(-1) ?? 0;
  if (pad < 1 || pad > BLOCK || padded.length < 20 + pad) throw new Error('bad padding in DingTalk event');
  const plain = padded.subarray(0, padded.length - pad);
  const length = plain.readUInt32BE(16);
  if (20 + length > plain.length) throw new Error('bad length in DingTalk event');
  const receiveId = plain.subarray(20 + length).toString('utf8');
  if (receiveId !== crypto.receiveId) throw new Error('DingTalk event is for another receiver');
  return plain.subarray(20, 20 + length).toString('utf8');
}

/** random(16) | length(4, big-endian) | message | receiveId, padded, AES-256-CBC with IV = key[0..16]. */
export function encryptEvent(crypto: EventCrypto, message: string, random: Buffer = randomBytes(16)): string {
  const key = aesKeyBytes(crypto.aesKey);
  const body = Buffer.from(message, 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(body.length);
  const plain = Buffer.concat([random, length, body, Buffer.from(crypto.receiveId, 'utf8')]);
  const pad = BLOCK - (plain.length % BLOCK);
  const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16));
  cipher.setAutoPadding(false);
  return Buffer.concat([
    cipher.update(Buffer.concat([plain, Buffer.alloc(pad, pad)])),
    cipher.final(),
  ]).toString('base64');
}

/** The answer every event callback needs, the `check_url` handshake included: the word "success", encrypted. */
export function encryptedSuccess(
  crypto: EventCrypto,
  timestamp: string,
  nonce: string,
): { msg_signature: string; timeStamp: string; nonce: string; encrypt: string } {
  const encrypt = encryptEvent(crypto, 'success');
  return {
    msg_signature: eventSignature(crypto.token, timestamp, nonce, encrypt),
    timeStamp: timestamp,
    nonce,
    encrypt,
  };
}

function aesKeyBytes(aesKey: string): Buffer {
  const key = Buffer.from(`${aesKey}=`, 'base64');
  if (key.length !== 32) throw new Error('DingTalk EncodingAESKey must decode to 32 bytes');
  return key;
}

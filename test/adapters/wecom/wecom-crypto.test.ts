import { createDecipheriv } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  decryptPayload,
  encryptPayload,
  verifySignature,
  WecomDecryptError,
} from '../../../src/adapters/wecom/wecom-crypto.js';
import {
  VECTOR_A,
  VECTOR_A_KEYS,
  VECTOR_B,
  VECTOR_C,
  VECTOR_C_KEYS,
  VECTOR_D,
} from '../../fixtures/wecom/vector-keys.js';

const query = (v: { msgSignature: string; timestamp: string; nonce: string }) => ({
  msgSignature: v.msgSignature,
  timestamp: v.timestamp,
  nonce: v.nonce,
});

describe('WeCom callback crypto against the official vectors', () => {
  it.each([
    ['A (URL verification)', VECTOR_A_KEYS, VECTOR_A.echostr, VECTOR_A],
    ['B (message)', VECTOR_A_KEYS, VECTOR_B.encrypt, VECTOR_B],
    ['C (URL verification, docs)', VECTOR_C_KEYS, VECTOR_C.echostr, VECTOR_C],
    ['D (message, docs)', VECTOR_C_KEYS, VECTOR_D.encrypt, VECTOR_D],
  ])(
    'vector %s: the signature verifies and the payload decrypts to the expected plaintext',
    (_n, keys, encrypted, v) => {
      expect(verifySignature(keys.token, query(v), encrypted)).toBe(true);
      expect(decryptPayload(keys, encrypted)).toBe(v.expectedPlaintext);
    },
  );

  it('rejects a signature with one character changed', () => {
    const last = VECTOR_B.msgSignature.at(-1) === '0' ? '1' : '0';
    const tampered = { ...query(VECTOR_B), msgSignature: `${VECTOR_B.msgSignature.slice(0, -1)}${last}` };
    expect(verifySignature(VECTOR_A_KEYS.token, tampered, VECTOR_B.encrypt)).toBe(false);
  });

  it('rejects a signature of another length without throwing', () => {
    const short = { ...query(VECTOR_B), msgSignature: VECTOR_B.msgSignature.slice(0, 20) };
    expect(verifySignature(VECTOR_A_KEYS.token, short, VECTOR_B.encrypt)).toBe(false);
  });

  it('rejects a changed ciphertext, timestamp or nonce under the original signature', () => {
    const swapped = `${VECTOR_B.encrypt.slice(0, 10)}A${VECTOR_B.encrypt.slice(11)}`;
    expect(verifySignature(VECTOR_A_KEYS.token, query(VECTOR_B), swapped)).toBe(false);
    expect(
      verifySignature(VECTOR_A_KEYS.token, { ...query(VECTOR_B), timestamp: '1476422780' }, VECTOR_B.encrypt),
    ).toBe(false);
    expect(verifySignature(VECTOR_A_KEYS.token, { ...query(VECTOR_B), nonce: '1' }, VECTOR_B.encrypt)).toBe(
      false,
    );
  });

  it('rejects the right signature computed with another token', () => {
    expect(verifySignature(VECTOR_C_KEYS.token, query(VECTOR_B), VECTOR_B.encrypt)).toBe(false);
  });

  it('refuses a payload whose receiveid is another corp', () => {
    expect(() =>
      decryptPayload({ ...VECTOR_A_KEYS, corpId: 'ww0000000000000000' }, VECTOR_B.encrypt),
    ).toThrow(/receiveid is not WECOM_CORP_ID/);
  });

  it('refuses a payload encrypted with another key', () => {
    expect(() => decryptPayload(VECTOR_C_KEYS, VECTOR_B.encrypt)).toThrow(WecomDecryptError);
  });

  it('refuses garbage instead of throwing something else', () => {
    expect(() => decryptPayload(VECTOR_A_KEYS, 'not base64 at all!')).toThrow(WecomDecryptError);
    expect(() => decryptPayload(VECTOR_A_KEYS, '')).toThrow(WecomDecryptError);
  });

  it('encrypts as WeCom does: with vector B’s random prefix, re-encrypting its plaintext gives its ciphertext', () => {
    const plaintext = decryptPayload(VECTOR_A_KEYS, VECTOR_B.encrypt);
    const random = randomPrefix(VECTOR_A_KEYS.encodingAesKey, VECTOR_B.encrypt);
    expect(encryptPayload(VECTOR_A_KEYS, plaintext, random)).toBe(VECTOR_B.encrypt);
  });

  it('decrypts what it encrypted, also with Chinese text', () => {
    const xml = '<xml><Content><![CDATA[/线索 L-12 “电话沟通 有意向”]]></Content></xml>';
    expect(decryptPayload(VECTOR_C_KEYS, encryptPayload(VECTOR_C_KEYS, xml))).toBe(xml);
  });
});

/** The 16 random bytes that open a decrypted block (AES-256-CBC, IV = the key's first 16 bytes). */
function randomPrefix(encodingAesKey: string, encrypted: string): Buffer {
  const key = Buffer.from(`${encodingAesKey}=`, 'base64');
  const decipher = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16));
  decipher.setAutoPadding(false);
  return Buffer.concat([decipher.update(encrypted, 'base64'), decipher.final()]).subarray(0, 16);
}

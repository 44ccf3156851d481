import { createCipheriv, createHash, createHmac, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

// Secrets of the fuzzed platforms: the bodies are signed with them, so each request gets past the signature check
// and reaches parsing. Signatures are made here from the platforms' documented schemes, not with the adapters' own
// helpers, so the test checks the adapters against the documents.
export const SLACK_SECRET = 'fuzz-slack-signing-secret';
export const DINGTALK_SECRET = 'fuzz-dingtalk-client-secret';
export const WECOM = {
  token: 'hJqcu3uJ9Tn2gXPmxx2w9kkCkCE2EPYo',
  encodingAesKey: '6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt',
  corpId: 'ww1436e0e65a779aee',
};

/** https://api.slack.com/authentication/verifying-requests-from-slack */
export function slackHeaders(body: string): Record<string, string> {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = createHmac('sha256', SLACK_SECRET).update(`v0:${timestamp}:${body}`).digest('hex');
  return { 'x-slack-request-timestamp': timestamp, 'x-slack-signature': `v0=${signature}` };
}

let lastMs = 0;
/** A timestamp never used before: DingTalk HTTP mode accepts each (timestamp, sign) pair once. */
const freshMs = () => {
  lastMs = Math.max(Date.now(), lastMs + 1);
  return lastMs;
};

/** Robot: https://open.dingtalk.com/document/orgapp/receive-message ; card callback: HMAC over the timestamp. */
export function dingtalkHeaders(kind: 'robot' | 'card'): Record<string, string> {
  const ms = freshMs();
  if (kind === 'robot') {
    const sign = createHmac('sha256', DINGTALK_SECRET).update(`${ms}\n${DINGTALK_SECRET}`).digest('base64');
    return { timestamp: String(ms), sign };
  }
  const signature = createHmac('sha256', DINGTALK_SECRET).update(String(ms)).digest('base64');
  return { 'x-ddpaas-signature-timestamp': String(ms), 'x-ddpaas-signature': signature };
}

/**
 * A WeCom callback carrying `xml`, encrypted and signed as WeCom does (document/path/90968): AES-256-CBC with the
 * key from EncodingAESKey, random(16) + length(4) + message + corp id, PKCS#7 to 32 bytes; msg_signature = SHA-1
 * of the sorted token, timestamp, nonce and ciphertext.
 */
export function wecomRequest(xml: string): { query: string; body: string } {
  const key = Buffer.from(`${WECOM.encodingAesKey}=`, 'base64');
  const message = Buffer.from(xml);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(message.length);
  const plain = Buffer.concat([randomBytes(16), length, message, Buffer.from(WECOM.corpId)]);
  const pad = 32 - (plain.length % 32);
  const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16)).setAutoPadding(false);
  const padded = Buffer.concat([plain, Buffer.alloc(pad, pad)]);
  const encrypted = Buffer.concat([cipher.update(padded), cipher.final()]).toString('base64');
  const timestamp = String(Math.floor(Date.now() / 1000));
  const nonce = randomBytes(8).toString('hex');
  const signature = createHash('sha1')
    .update([WECOM.token, timestamp, nonce, encrypted].sort().join(''))
    .digest('hex');
  const query = new URLSearchParams({ msg_signature: signature, timestamp, nonce }).toString();
  const body = `<xml><ToUserName><![CDATA[${WECOM.corpId}]]></ToUserName><Encrypt><![CDATA[${encrypted}]]></Encrypt></xml>`;
  return { query, body };
}

/** Arbitrary JSON as the XML elements of a WeCom message: each key an element, each value its text. */
export function xmlOf(value: unknown): string {
  const text = (v: unknown) => (typeof v === 'object' && v !== null ? xmlOf(v) : `<![CDATA[${String(v)}]]>`);
  const entries: [string, unknown][] =
    typeof value === 'object' && value !== null ? Object.entries(value) : [['Content', value]];
  return `<xml>${entries
    .map(([k, v]) => {
      const tag = /^[A-Za-z_][\w.-]*$/.test(k) ? k : 'X';
      return `<${tag}>${text(v)}</${tag}>`;
    })
    .join('')}</xml>`;
}

/** Answers every platform API call with a success of every platform's shape, so background replies end quickly. */
export async function startFakePlatformApi(): Promise<{ url: string; close(): Promise<void> }> {
  const ok = JSON.stringify({
    ok: true,
    errcode: 0,
    errmsg: 'ok',
    access_token: 'T',
    accessToken: 'T',
    expires_in: 7200,
    expireIn: 7200,
  });
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end(ok));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

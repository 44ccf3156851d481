import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readWecomSettings, type WecomSettings } from '../../../src/adapters/wecom/wecom-settings.js';
import { VECTOR_A_KEYS } from '../../fixtures/wecom/vector-keys.js';
import { parseMultipart } from '../support/multipart.js';

/** One request the adapter made, as the fake WeCom server saw it. */
export type RecordedCall = {
  readonly method: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly body: unknown;
};

/** A scripted answer: a WeCom JSON reply, or a bare HTTP status. */
export type ScriptedReply = { readonly json: object } | { readonly status: number };

/**
 * A local stand-in for qyapi.weixin.qq.com (WECOM_API_URL points at it): it issues tokens, accepts sends and card
 * updates with WeCom's reply shapes, rejects unknown or expired tokens as WeCom does, and records every call.
 */
export class FakeWecomApi {
  readonly calls: RecordedCall[] = [];
  private readonly scripted = new Map<string, ScriptedReply[]>();
  private readonly validTokens = new Set<string>();
  private readonly expiredTokens = new Set<string>();
  private seq = 0;
  /** What members were shown: message/send bodies WeCom delivered (a duplicate it checked for is not). */
  readonly delivered: object[] = [];
  private readonly checked = new Map<string, number>();
  private readonly media = new Set<string>();
  private server: Server | undefined;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const url = new URL(req.url ?? '/', 'http://fake');
        const raw = Buffer.concat(chunks);
        const text = raw.toString('utf8');
        // A media upload is multipart: recorded by its size and whether a PNG is inside, not parsed as JSON.
        const multipart = req.headers['content-type']?.startsWith('multipart/form-data');
        const call: RecordedCall = {
          method: req.method ?? '',
          path: url.pathname,
          query: Object.fromEntries(url.searchParams),
          body: multipart
            ? {
                bytes: raw.length,
                hasPng: raw.includes(Buffer.from([137, 80, 78, 71])),
                named: text.includes('name="media"'),
                parts: parseMultipart(req.headers['content-type'], raw),
              }
            : text
              ? JSON.parse(text)
              : undefined,
        };
        this.calls.push(call);
        const reply = this.scripted.get(call.path)?.shift() ?? { json: this.answer(call) };
        res.statusCode = 'status' in reply ? reply.status : 200;
        res.setHeader('content-type', 'application/json');
        res.end('json' in reply ? JSON.stringify(reply.json) : 'upstream error');
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  /** The next call to `path` gets `reply` instead of the normal answer (queued in order). */
  script(path: string, ...replies: ScriptedReply[]): void {
    this.scripted.set(path, [...(this.scripted.get(path) ?? []), ...replies]);
  }

  /** Every token issued so far now answers 42001 (expired), as after two hours. */
  expireTokens(): void {
    for (const token of this.validTokens) this.expiredTokens.add(token);
    this.validTokens.clear();
  }

  callsTo(path: string): RecordedCall[] {
    return this.calls.filter((c) => c.path === path);
  }

  reset(): void {
    this.calls.length = 0;
    this.delivered.length = 0;
    this.scripted.clear();
  }

  private answer(call: RecordedCall): object {
    if (call.path === '/cgi-bin/gettoken') {
      const token = `TOKEN-${++this.seq}`;
      this.validTokens.add(token);
      return { errcode: 0, errmsg: 'ok', access_token: token, expires_in: 7200 };
    }
    const token = call.query.access_token ?? '';
    if (this.expiredTokens.has(token)) return { errcode: 42001, errmsg: 'access_token expired' };
    if (!this.validTokens.has(token)) return { errcode: 40014, errmsg: 'invalid access_token' };
    const body = call.body as { msgtype?: string } | undefined;
    if (call.path === '/cgi-bin/message/send') {
      const sent = body as {
        enable_duplicate_check?: number;
        duplicate_check_interval?: number;
        file?: { media_id?: string };
      };
      if (sent.file?.media_id && !this.media.has(sent.file.media_id))
        return { errcode: 40007, errmsg: 'invalid media_id' };
      // 重复消息检查 (document/path/90236): the same request JSON within the interval is answered but not delivered.
      const json = JSON.stringify(body);
      const seen = this.checked.get(json);
      const now = Date.now();
      if (
        !(
          sent.enable_duplicate_check === 1 &&
          seen !== undefined &&
          now - seen < (sent.duplicate_check_interval ?? 1800) * 1000
        )
      ) {
        this.delivered.push(body as object);
      }
      if (sent.enable_duplicate_check === 1) this.checked.set(json, now);
      const n = ++this.seq;
      // Only interactive template cards come back with a response_code (document/path/90236).
      return body?.msgtype === 'template_card'
        ? { errcode: 0, errmsg: 'ok', invaliduser: '', msgid: `MSG-${n}`, response_code: `RC-send-${n}` }
        : { errcode: 0, errmsg: 'ok', invaliduser: '', msgid: `MSG-${n}` };
    }
    if (call.path === '/cgi-bin/media/upload') {
      // 上传临时素材 (document/path/90253)
      const mediaId = `MEDIA-${++this.seq}`;
      this.media.add(mediaId);
      return {
        errcode: 0,
        errmsg: 'ok',
        type: call.query.type ?? 'image',
        media_id: mediaId,
        created_at: '1380000000',
      };
    }
    return { errcode: 0, errmsg: 'ok' };
  }
}

/** Settings with vector A's callback keys and the API at `apiUrl`. */
export function testSettings(apiUrl: string): WecomSettings {
  return readWecomSettings({
    WECOM_CORP_ID: VECTOR_A_KEYS.corpId,
    WECOM_AGENT_ID: '1000002',
    WECOM_SECRET: 'test-app-secret',
    WECOM_TOKEN: VECTOR_A_KEYS.token,
    WECOM_ENCODING_AES_KEY: VECTOR_A_KEYS.encodingAesKey,
    WECOM_API_URL: apiUrl,
  });
}

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type MultipartPart, parseMultipart } from '../support/multipart.js';

export type RecordedCall = {
  readonly method: string;
  readonly path: string;
  readonly token: string | undefined;
  // biome-ignore lint/suspicious/noExplicitAny: tests read recorded JSON bodies and assert on their shape
  readonly body: any;
};

const PNG_SIGNATURE = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);

type Canned = { status: number; body: unknown; headers?: Record<string, string> };

export type FakeDingtalkApi = {
  readonly url: string;
  readonly calls: RecordedCall[];
  /** Calls to one path, in order. */
  callsTo(path: string): RecordedCall[];
  /** The next `times` calls to `method path` get this answer instead of the default one. */
  failNext(method: string, path: string, answer: Canned, times?: number): void;
  close(): Promise<void>;
};

/**
 * A local DingTalk OpenAPI: records every call and answers like the real one for the endpoints the adapter uses.
 * It remembers outTrackIds, so a second createAndDeliver with the same one is refused as DingTalk does.
 */
export async function startFakeDingtalkApi(): Promise<FakeDingtalkApi> {
  const calls: RecordedCall[] = [];
  const overrides: { key: string; answer: Canned }[] = [];
  const cards = new Set<string>();
  // media_ids this fake handed out: a sampleFile naming another is refused, as DingTalk would.
  const media = new Set<string>();
  const unknownMedia = (call: RecordedCall) => {
    if (call.body.msgKey !== 'sampleFile') return false;
    return !media.has(JSON.parse(call.body.msgParam).mediaId);
  };
  let tokens = 0;

  const defaults = (call: RecordedCall): Canned => {
    switch (`${call.method} ${call.path}`) {
      case 'POST /v1.0/oauth2/accessToken':
        return { status: 200, body: { accessToken: `tok-${++tokens}`, expireIn: 7200 } };
      case 'POST /v1.0/card/instances/createAndDeliver': {
        if (cards.has(call.body.outTrackId)) {
          return { status: 400, body: { code: 'param.cardAlreadyExist', message: '卡片已经存在' } };
        }
        cards.add(call.body.outTrackId);
        const [spaceType, spaceId] = String(call.body.openSpaceId).replace('dtv1.card//', '').split('.');
        return {
          status: 200,
          body: {
            success: true,
            result: {
              outTrackId: call.body.outTrackId,
              deliverResults: [{ spaceType, spaceId, success: true }],
            },
          },
        };
      }
      case 'PUT /v1.0/card/instances':
        return cards.has(call.body.outTrackId)
          ? { status: 200, body: { success: true, result: true } }
          : { status: 400, body: { code: 'param.cardNotExist', message: '卡片不存在' } };
      case 'POST /v1.0/robot/oToMessages/batchSend':
        if (unknownMedia(call))
          return { status: 400, body: { code: 'invalidParameter.mediaId', message: '媒体文件不存在' } };
        return { status: 200, body: { processQueryKey: `pqk-${calls.length}`, invalidStaffIdList: [] } };
      case 'POST /v1.0/robot/groupMessages/send':
        if (unknownMedia(call))
          return { status: 400, body: { code: 'invalidParameter.mediaId', message: '媒体文件不存在' } };
        return { status: 200, body: { processQueryKey: `pqk-${calls.length}` } };
      // https://open.dingtalk.com/document/orgapp/upload-media-files
      case 'POST /media/upload': {
        const mediaId = `@media-${calls.length}`;
        media.add(mediaId);
        return {
          status: 200,
          body: { errcode: 0, errmsg: 'ok', type: call.body.type, media_id: mediaId },
        };
      }
      case 'POST /v1.0/card/callbacks/register':
        return { status: 200, body: { success: true, result: { callbackUrl: call.body.callbackUrl } } };
      default:
        return { status: 404, body: { code: 'NotFound', message: `${call.method} ${call.path}` } };
    }
  };

  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const text = raw.toString('utf8');
    const url = new URL(req.url ?? '/', 'http://fake');
    const header = req.headers['x-acs-dingtalk-access-token'];
    const token = Array.isArray(header)
      ? header[0]
      : (header ?? url.searchParams.get('access_token') ?? undefined);
    // A media upload is multipart: recorded by its size and the parts' names, not parsed as JSON.
    const multipart = req.headers['content-type']?.startsWith('multipart/form-data');
    const call: RecordedCall = {
      method: req.method ?? '',
      path: url.pathname,
      token,
      body: multipart
        ? {
            bytes: raw.length,
            type: url.searchParams.get('type'),
            hasPng: raw.includes(PNG_SIGNATURE),
            parts: parseMultipart(req.headers['content-type'], raw) satisfies MultipartPart[],
          }
        : text
          ? JSON.parse(text)
          : undefined,
    };
    calls.push(call);
    const at = overrides.findIndex((o) => o.key === `${call.method} ${call.path}`);
    const answer = at >= 0 ? (overrides.splice(at, 1)[0]?.answer ?? defaults(call)) : defaults(call);
    res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
    res.end(JSON.stringify(answer.body));
  });
  server.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));

  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls,
    callsTo: (path) => calls.filter((c) => c.path === path),
    failNext(method, path, answer, times = 1) {
      for (let i = 0; i < times; i++) overrides.push({ key: `${method} ${path}`, answer });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

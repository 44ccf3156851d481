import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the fake received: a Web API method (`chat.postMessage`) or `response_url` for a respond() post. */
export type RecordedCall = {
  readonly method: string;
  readonly params: Record<string, unknown>;
  readonly authorization: string | undefined;
};

/** A scripted answer for the next call to a method (rate limits, 5xx, platform errors). */
export type ScriptedReply = { status: number; headers?: Record<string, string>; body?: unknown };

export type FakeSlackApi = {
  /** Base URL for SLACK_API_URL, ending in `/api/`. */
  readonly apiUrl: string;
  /** A response_url that posts back into this fake. */
  responseUrl(id: string): string;
  readonly calls: RecordedCall[];
  callsTo(method: string): RecordedCall[];
  /** The next call to `method` gets this answer instead of the default success. */
  failNext(method: string, reply: ScriptedReply): void;
  close(): Promise<void>;
};

/**
 * A local stand-in for https://slack.com/api/ and for response URLs: records every call (form or JSON bodies, with
 * nested JSON fields such as `blocks` decoded) and answers like Slack does on success.
 */
export async function startFakeSlackApi(): Promise<FakeSlackApi> {
  const calls: RecordedCall[] = [];
  const scripted = new Map<string, ScriptedReply[]>();
  // Completed uploads and where each was shared (channel_id), as files.info reports them.
  const shares = new Map<string, string[]>();
  let seq = 100;

  const server: Server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://fake').pathname;
    const method = path.startsWith('/response/')
      ? 'response_url'
      : path.startsWith('/upload/')
        ? 'upload'
        : path.replace(/^\/api\//, '');
    const raw = await readBody(req);
    // An image upload (files.getUploadURLExternal's URL) carries bytes: recorded by size and type, not parsed.
    const params =
      method === 'upload'
        ? {
            fileId: path.slice('/upload/'.length),
            bytes: raw.length,
            contentType: req.headers['content-type'],
            body: raw,
          }
        : parseBody(req, raw.toString('utf8'));
    calls.push({ method, params, authorization: req.headers.authorization });
    const reply = scripted.get(method)?.shift() ?? {
      status: 200,
      body: fileAnswer(method, params, shares) ?? success(method, params, ++seq, base),
    };
    res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
    res.end(JSON.stringify(reply.body ?? {}));
  });
  server.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    apiUrl: `${base}/api/`,
    responseUrl: (id) => `${base}/response/${id}`,
    calls,
    callsTo: (method) => calls.filter((c) => c.method === method),
    failNext(method, reply) {
      scripted.set(method, [...(scripted.get(method) ?? []), reply]);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * files.completeUploadExternal shares each file into `channel_id` (Slack shows it there, once per call: completing
 * again shares again); files.info reports the shares, and file_not_found for an id never completed.
 * https://docs.slack.dev/reference/methods/files.info
 */
function fileAnswer(
  method: string,
  params: Record<string, unknown>,
  shares: Map<string, string[]>,
): unknown | undefined {
  if (method === 'files.completeUploadExternal') {
    const files = (params.files as { id: string }[] | undefined) ?? [];
    for (const f of files) {
      const where = shares.get(f.id) ?? [];
      if (typeof params.channel_id === 'string') where.push(params.channel_id);
      shares.set(f.id, where);
    }
    return undefined;
  }
  if (method !== 'files.info') return undefined;
  const where = shares.get(String(params.file));
  if (!where) return { ok: false, error: 'file_not_found' };
  const isDm = (c: string) => c.startsWith('D');
  return {
    ok: true,
    file: {
      id: params.file,
      ims: where.filter(isDm),
      channels: where.filter((c) => !isDm(c)),
      groups: [],
      shares: { private: Object.fromEntries(where.map((c) => [c, [{ ts: '1718000000.000001' }]])) },
    },
  };
}

function success(method: string, params: Record<string, unknown>, seq: number, base: string): unknown {
  switch (method) {
    // https://docs.slack.dev/reference/methods/files.getUploadURLExternal
    case 'files.getUploadURLExternal':
      return { ok: true, upload_url: `${base}/upload/F${seq}`, file_id: `F${seq}` };
    case 'files.completeUploadExternal':
      return {
        ok: true,
        files: (params.files as { id: string }[] | undefined)?.map((f) => ({ id: f.id })) ?? [],
      };
    case 'conversations.open':
      return { ok: true, channel: { id: `D${String(params.users)}` } };
    case 'chat.postMessage':
      return {
        ok: true,
        channel: params.channel,
        ts: `1718000000.000${seq}`,
        message: { text: params.text },
      };
    case 'chat.update':
      return { ok: true, channel: params.channel, ts: params.ts, text: params.text };
    case 'views.publish':
      return { ok: true, view: { id: 'V0HOME' } };
    default:
      return { ok: true };
  }
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function parseBody(req: IncomingMessage, text: string): Record<string, unknown> {
  if (!text) return {};
  if (req.headers['content-type']?.startsWith('application/json')) return JSON.parse(text);
  // WebClient posts form data with nested values (blocks, metadata, view) as JSON strings.
  const params: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(text)) {
    params[key] = /^[[{]/.test(value) ? JSON.parse(value) : value;
  }
  return params;
}

import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  type App,
  type BufferedIncomingMessage,
  HTTPResponseAck,
  HTTPModuleFunctions as http,
  type Logger,
  type Receiver,
  type ReceiverEvent,
} from '@slack/bolt';
import type { Clock } from '../../core/shared/clock.js';
import { readRawBody } from '../../http/read-raw-body.js';
import type { SlackLog } from './slack-log.js';
import { verifySlackSignature } from './verify-slack-signature.js';

/** Events API, interactivity and slash commands all post here (one Request URL in the manifest). */
export const SLACK_EVENTS_PATH = '/slack/events';

/** Slack's payloads are a few KB; anything near this is not from Slack. */
export const SLACK_MAX_BODY_BYTES = 1024 * 1024;

/** Bolt writes the response itself, so the route hands over Node's req/res and tells Koa to stay out of it. */
export type KoaLikeContext = { req: IncomingMessage; res: ServerResponse; respond?: boolean | undefined };

export type KoaSlackReceiverOptions = {
  readonly signingSecret: string;
  readonly clock: Clock;
  readonly log: SlackLog;
  readonly logger: Logger;
};

/**
 * A Bolt receiver hosted by our Koa app, after bolt-js examples/custom-receiver/src/KoaReceiver.ts, but it owns no
 * server (start/stop do nothing: Koa listens) and verifies signatures with our clock and a two-sided window.
 * Order: raw body → signature (401, nothing else) → parse → url_verification → Bolt, whose ack writes the reply.
 */
export class KoaSlackReceiver implements Receiver {
  private app: App | undefined;

  constructor(private readonly options: KoaSlackReceiverOptions) {}

  init(app: App): void {
    this.app = app;
  }

  async start(): Promise<void> {}

  async stop(): Promise<void> {}

  async handle(ctx: KoaLikeContext): Promise<void> {
    ctx.respond = false;
    const { req, res } = ctx;
    const { log, logger } = this.options;
    const rawBody = await readRawBody(req, SLACK_MAX_BODY_BYTES);
    if (!rawBody) {
      // Close the connection: the rest of an oversized body is not worth draining to keep the socket alive.
      res.writeHead(413, { connection: 'close' });
      return void res.end();
    }
    // Bolt's helpers treat a request with `rawBody` as already read; the stream is consumed by now.
    const buffered = Object.assign(req, { rawBody }) as BufferedIncomingMessage;
    // Slack's ssl_check carries no signature (Bolt answers it unverified too). A constant empty 200 that reads
    // nothing else cannot be abused, and failing it would make Slack flag the command URL's certificate.
    if (isSslCheck(req, rawBody)) return http.buildSSLCheckResponse(res);
    const check = verifySlackSignature({
      signingSecret: this.options.signingSecret,
      timestamp: header(req, 'x-slack-request-timestamp'),
      signature: header(req, 'x-slack-signature'),
      rawBody,
      now: this.options.clock.now(),
    });
    if (!check.ok) {
      log.warn({ reason: check.reason }, 'slack request rejected: signature');
      return http.buildNoBodyResponse(res, 401);
    }
    let body: Record<string, unknown>;
    try {
      body = http.parseHTTPRequestBody(buffered);
    } catch {
      return http.buildNoBodyResponse(res, 400);
    }
    // A signed `null`, number or array parses too, and nothing below could answer it: the request would hang.
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      return http.buildNoBodyResponse(res, 400);
    }
    // https://docs.slack.dev/reference/events/url_verification
    if (body.type === 'url_verification') return http.buildUrlVerificationResponse(res, body);
    // processBeforeResponse false: ack() answers Slack at once (3 s limit); listeners go on working after it.
    const ack = new HTTPResponseAck({
      logger,
      processBeforeResponse: false,
      httpRequest: req,
      httpResponse: res,
    });
    const retryNum = http.extractRetryNumFromHTTPRequest(req);
    const retryReason = http.extractRetryReasonFromHTTPRequest(req);
    const event: ReceiverEvent = {
      body,
      ack: ack.bind(),
      ...(retryNum !== undefined ? { retryNum } : {}),
      ...(retryReason !== undefined ? { retryReason } : {}),
    };
    try {
      await this.app?.processEvent(event);
    } catch (error) {
      log.error({ err: error, retryNum }, 'slack event processing failed');
    }
    // Nothing acked (no listener, or a listener failed before ack): answer 200, never 5xx, since Slack would
    // retry a request that a retry cannot mend.
    if (!res.headersSent) {
      ack.ack();
      http.buildContentResponse(res, undefined);
    }
  }
}

function isSslCheck(req: IncomingMessage, rawBody: Buffer): boolean {
  if (header(req, 'content-type') !== 'application/x-www-form-urlencoded') return false;
  return new URLSearchParams(rawBody.toString('utf8')).get('ssl_check') === '1';
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return typeof value === 'string' ? value : undefined;
}

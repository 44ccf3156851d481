import Router from '@koa/router';
import type { Context } from 'koa';
import type { BackgroundWork } from '../../chat/background-work.js';
import type { ChatAdapter } from '../../chat/chat-adapter.js';
import { dispatchInBackground, type InboundDeps, replyInDm } from '../../chat/dispatch-and-reply.js';
import { type Clock, systemClock } from '../../core/shared/clock.js';
import { readRawBody } from '../../http/read-raw-body.js';
import { readEncrypted, toInbound } from './parse-wecom-events.js';
import type { ResponseCodeStore } from './response-code-store.js';
import {
  recordWecomSignature,
  verifyWecomSignature,
  type WecomSignatureDeps,
} from './verify-wecom-signature.js';
import { decryptPayload, type SignedQuery, type WecomCryptoKeys } from './wecom-crypto.js';
import type { WecomSettings } from './wecom-settings.js';

/** The callback URL to enter in the admin console, after PUBLIC_URL. The app must not body-parse this path. */
export const WECOM_CALLBACK_PATH = '/wecom/callback';

/**
 * The acknowledgement: HTTP 200 with an empty body. WeCom's doc says an empty body means "received, no passive
 * reply" and stops the retries; "success" is the WeChat Official Accounts convention, not WeCom's.
 * Doc (接收消息与事件): https://developer.work.weixin.qq.com/document/path/90238
 */
export const WECOM_ACK_BODY = '';

/** Callbacks are a few hundred bytes of XML; anything far larger is not WeCom. */
const MAX_BODY_BYTES = 64 * 1024;

export type WecomLog = {
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
};

export type WecomRouteDeps = WecomSignatureDeps &
  InboundDeps & {
    readonly adapter: Pick<ChatAdapter, 'send'>;
    readonly responseCodes: ResponseCodeStore;
    /** The workspace the adapter's sends are made for (what the outbox would pass). */
    readonly workspaceId: string;
    readonly log: WecomLog;
    readonly clock?: Clock;
    /** Gets the work done after each acknowledgement, so shutdown (and a test) can wait for it. */
    readonly background: BackgroundWork;
  };

/**
 * The WeCom callback ("接收消息服务器"): GET answers the URL check, POST receives messages and card clicks.
 * Doc (回调配置, URL check and message format): https://developer.work.weixin.qq.com/document/path/90930
 */
export function wecomRoutes(settings: WecomSettings, deps: WecomRouteDeps): Router {
  const router = new Router();
  const keys: WecomCryptoKeys = {
    token: settings.WECOM_TOKEN,
    encodingAesKey: settings.WECOM_ENCODING_AES_KEY,
    corpId: settings.WECOM_CORP_ID,
  };

  router.get(WECOM_CALLBACK_PATH, (ctx) => {
    const query = signedQuery(ctx);
    // A query string turns "+" into a space; base64 has no spaces, so any space was a "+" WeCom did not escape.
    const echostr = single(ctx.query.echostr)?.replaceAll(' ', '+');
    if (!query || !echostr) return refuse(ctx, 401);
    const check = verifyWecomSignature(keys.token, query, echostr, deps.signatureClock);
    if (!check.ok) return refused(ctx, check.reason, deps.log);
    const plain = decryptOrUndefined(keys, echostr, deps.log);
    if (plain === undefined) return refuse(ctx, 400);
    ctx.type = 'text/plain';
    ctx.body = plain;
  });

  router.post(WECOM_CALLBACK_PATH, async (ctx) => {
    const query = signedQuery(ctx);
    if (!query) return refuse(ctx, 401);
    const raw = await readRawBody(ctx.req, MAX_BODY_BYTES);
    if (raw === undefined) return refuse(ctx, 413);
    const body = raw.toString('utf8');
    const encrypted = readEncrypted(body);
    if (!encrypted) {
      // An empty body here usually means a body parser ran first and consumed the stream.
      deps.log.warn(
        { platform: 'wecom', bytes: body.length },
        `WeCom callback without <Encrypt> (is ${WECOM_CALLBACK_PATH} in rawBodyPaths?)`,
      );
      return refuse(ctx, 400);
    }
    // Nothing from the payload is used before its signature is checked.
    const check = verifyWecomSignature(keys.token, query, encrypted, deps.signatureClock);
    if (!check.ok) return refused(ctx, check.reason, deps.log);
    const plain = decryptOrUndefined(keys, encrypted, deps.log);
    if (plain === undefined) return refuse(ctx, 400);
    const inbound = toInbound(plain, settings.WECOM_CORP_ID);
    // Saved before the acknowledgement: if storage fails, the error answer makes WeCom send the click again.
    if (inbound.kind === 'event' && inbound.responseCode) {
      const { taskId, code } = inbound.responseCode;
      // Our clock, not the payload's CreateTime: the code's 72 h are then measured on the clock that checks them.
      await deps.responseCodes.save(taskId, code, (deps.clock ?? systemClock).now());
    }
    const once = await recordWecomSignature(query, encrypted, deps.seenSignatures);
    if (!once.ok) return refused(ctx, once.reason, deps.log);
    ctx.status = 200;
    ctx.type = 'text/plain';
    ctx.body = WECOM_ACK_BODY;
    // WeCom waits 5 s and then retries: the handler runs after this answer, not inside it.
    if (inbound.kind === 'event') {
      const { event } = inbound;
      dispatchInBackground(deps, event, replyInDm(deps.adapter, deps.workspaceId, event));
    }
  });

  return router;
}

function signedQuery(ctx: Context): SignedQuery | undefined {
  const msgSignature = single(ctx.query.msg_signature);
  const timestamp = single(ctx.query.timestamp);
  const nonce = single(ctx.query.nonce);
  return msgSignature && timestamp && nonce ? { msgSignature, timestamp, nonce } : undefined;
}

/** A repeated query parameter is not something WeCom sends; treat it as absent. */
function single(value: string | string[] | undefined): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function refused(ctx: Context, reason: string, log: WecomLog): void {
  log.warn({ platform: 'wecom', reason }, 'WeCom callback refused');
  refuse(ctx, 401);
}

/** An empty answer with only the status: a caller that failed verification learns nothing more. */
function refuse(ctx: Context, status: 400 | 401 | 413): void {
  ctx.status = status;
  ctx.body = '';
}

function decryptOrUndefined(keys: WecomCryptoKeys, encrypted: string, log: WecomLog): string | undefined {
  try {
    return decryptPayload(keys, encrypted);
  } catch (err) {
    // The signature was right, so WeCom sent it: the AES key or corp id configured here is wrong.
    log.warn({ err, platform: 'wecom' }, 'WeCom callback signed correctly but not decryptable');
    return undefined;
  }
}

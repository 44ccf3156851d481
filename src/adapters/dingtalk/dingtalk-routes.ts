import Router from '@koa/router';
import type { Context } from 'koa';
import type { ChatEvent } from '../../chat/events.js';
import { readRawBody } from '../../http/read-raw-body.js';
import { answerEventCallback } from './answer-event-callback.js';
import { type DingtalkInboundDeps, handleDingtalkEvent } from './dingtalk-inbound.js';
import type { DingtalkSettings } from './dingtalk-settings.js';
import { parseCardCallback, parseRobotMessage } from './parse-dingtalk-events.js';
import { type DingtalkSignatureDeps, verifyDingtalkSignature } from './verify-dingtalk-signature.js';

export type DingtalkRouteDeps = DingtalkInboundDeps & DingtalkSignatureDeps;

export const DINGTALK_CALLBACK_PATH = '/dingtalk/callback';
export const DINGTALK_EVENTS_PATH = '/dingtalk/events';

/** DingTalk callbacks are a few KB; anything near this is not DingTalk. */
const CALLBACK_LIMIT_BYTES = 256 * 1024;

/**
 * HTTP mode. `POST /dingtalk/callback` takes robot messages (robot "message receiving URL") and card button
 * callbacks (registered under the card route key): signature first, then a 200 at once, then the registry.
 * `POST /dingtalk/events` answers encrypted event subscriptions, when their token and key are configured.
 * Both read the raw body themselves: the app must run no body parser on these paths.
 */
export function dingtalkRoutes(settings: DingtalkSettings, deps: DingtalkRouteDeps): Router {
  const router = new Router();

  router.post(DINGTALK_CALLBACK_PATH, async (ctx) => {
    const raw = await readBody(ctx);
    if (raw === undefined) return;
    const check = await verifyDingtalkSignature(
      (name) => header(ctx, name),
      raw,
      settings.clientSecret,
      deps,
    );
    if (!check.ok) {
      deps.log.warn({ platform: 'dingtalk', reason: check.reason }, 'dingtalk callback refused');
      ctx.status = 401;
      ctx.body = { error: 'bad signature' };
      return;
    }
    const body = parseJson(ctx, raw);
    if (body === undefined) return;
    const event = toEvent(body, deps.workspaceId);
    // DingTalk waits 2 s for a card callback and redelivers what it thinks failed: answer first, work after.
    // An empty answer leaves the card as it is; the handler's card update follows through the outbox.
    ctx.status = 200;
    ctx.body = {};
    if (!event) {
      deps.log.warn(
        { platform: 'dingtalk' },
        'dingtalk callback ignored: not a text message or a card click',
      );
      return;
    }
    handleDingtalkEvent(deps, event);
  });

  const crypto = settings.eventCrypto;
  if (crypto) {
    router.post(DINGTALK_EVENTS_PATH, async (ctx) => {
      const raw = await readRawBody(ctx.req, CALLBACK_LIMIT_BYTES).catch(() => undefined);
      const query = Object.fromEntries(
        Object.entries(ctx.query).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]),
      );
      const answer = await answerEventCallback(
        { ...crypto, receiveId: settings.clientId },
        query,
        raw?.toString('utf8') ?? '',
        deps,
      );
      if (answer.status !== 200) deps.log.warn({ platform: 'dingtalk' }, 'dingtalk event refused');
      ctx.status = answer.status;
      ctx.body = answer.body;
    });
  }
  return router;
}

function toEvent(body: unknown, workspaceId: string): ChatEvent | undefined {
  const isCard = typeof body === 'object' && body !== null && 'outTrackId' in body;
  return isCard ? parseCardCallback(body, workspaceId) : parseRobotMessage(body, workspaceId);
}

/** The raw body (the replay check digests it), or undefined after answering 413. */
async function readBody(ctx: Context): Promise<Buffer | undefined> {
  // A wiring fault (a body parser ran first) throws from here to the app's error handler.
  const raw = await readRawBody(ctx.req, CALLBACK_LIMIT_BYTES);
  if (!raw) {
    ctx.status = 413;
    ctx.body = { error: 'body too large' };
  }
  return raw;
}

/** The parsed JSON body, or undefined after answering 400 (a signed request DingTalk would not resend). */
function parseJson(ctx: Context, raw: Buffer): unknown {
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    ctx.status = 400;
    ctx.body = { error: 'body is not JSON' };
    return undefined;
  }
}

function header(ctx: Context, name: string): string | undefined {
  const value = ctx.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

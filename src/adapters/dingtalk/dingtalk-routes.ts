import Router from '@koa/router';
import type { Context } from 'koa';
import type { ChatEvent } from '../../chat/events.js';
import type { Clock } from '../../core/shared/clock.js';
import { readRawBody } from '../../http/read-raw-body.js';
import { answerEventCallback } from './answer-event-callback.js';
import { type DingtalkInboundDeps, dispatchAndReply } from './dingtalk-inbound.js';
import type { DingtalkSettings } from './dingtalk-settings.js';
import { parseCardCallback, parseRobotMessage } from './parse-dingtalk-events.js';
import { verifyCardCallbackSign } from './verify-card-callback-sign.js';
import { type SignCheck, verifyRobotSign } from './verify-robot-sign.js';

export type DingtalkRouteDeps = DingtalkInboundDeps & {
  readonly clock: Clock;
  /**
   * Where the work after the answer runs. Default: started and left to finish (it never throws). Tests pass a
   * collector so they can await it.
   */
  readonly background?: (work: Promise<void>) => void;
};

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
  const background = deps.background ?? ((work: Promise<void>) => void work);

  router.post(DINGTALK_CALLBACK_PATH, async (ctx) => {
    const check = verifyHeaders(ctx, settings, deps.clock);
    if (!check.ok) {
      deps.log.warn({ platform: 'dingtalk', reason: check.reason }, 'dingtalk callback refused');
      ctx.status = 401;
      ctx.body = { error: 'bad signature' };
      return;
    }
    const body = await readJson(ctx);
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
    background(dispatchAndReply(deps, event));
  });

  const crypto = settings.eventCrypto;
  if (crypto) {
    router.post(DINGTALK_EVENTS_PATH, async (ctx) => {
      const raw = await readRawBody(ctx.req, CALLBACK_LIMIT_BYTES).catch(() => undefined);
      const query = Object.fromEntries(
        Object.entries(ctx.query).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]),
      );
      const answer = answerEventCallback(
        { ...crypto, receiveId: settings.clientId },
        query,
        raw?.toString('utf8') ?? '',
        deps.clock,
      );
      if (answer.status !== 200) deps.log.warn({ platform: 'dingtalk' }, 'dingtalk event refused');
      ctx.status = answer.status;
      ctx.body = answer.body;
    });
  }
  return router;
}

/** Robot messages carry `timestamp`/`sign`; card callbacks the `x-ddpaas-signature*` pair. Both keyed by the secret. */
function verifyHeaders(ctx: Context, settings: DingtalkSettings, clock: Clock): SignCheck {
  const signature = header(ctx, 'x-ddpaas-signature');
  if (signature !== undefined) {
    const timestamp = header(ctx, 'x-ddpaas-signature-timestamp');
    return verifyCardCallbackSign({ timestamp, signature }, settings.clientSecret, clock);
  }
  return verifyRobotSign(
    { timestamp: header(ctx, 'timestamp'), sign: header(ctx, 'sign') },
    settings.clientSecret,
    clock,
  );
}

function toEvent(body: unknown, workspaceId: string): ChatEvent | undefined {
  const isCard = typeof body === 'object' && body !== null && 'outTrackId' in body;
  return isCard ? parseCardCallback(body, workspaceId) : parseRobotMessage(body, workspaceId);
}

/** The parsed JSON body, or undefined after answering 413/400 (a signed request DingTalk would not resend). */
async function readJson(ctx: Context): Promise<unknown> {
  // A wiring fault (a body parser ran first) throws from here to the app's error handler.
  const raw = await readRawBody(ctx.req, CALLBACK_LIMIT_BYTES);
  if (!raw) {
    ctx.status = 413;
    ctx.body = { error: 'body too large' };
    return undefined;
  }
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

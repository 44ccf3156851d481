import Router from '@koa/router';
import { App, SocketModeReceiver } from '@slack/bolt';
import type { Clock } from '../../core/shared/clock.js';
import { registerSlackListeners, type SlackListenerDeps } from './slack-listeners.js';
import { boltLogger, type SlackLog } from './slack-log.js';
import { KoaSlackReceiver, SLACK_EVENTS_PATH } from './slack-receiver.js';
import type { SlackSettings } from './slack-settings.js';
import { slackClientOptions } from './slack-web-client.js';

export type SlackRouteDeps = SlackListenerDeps & {
  /** A clock the sandbox cannot move: request signatures are checked on it. */
  readonly signatureClock: Clock;
  readonly log: SlackLog;
};

export type SlackRoutes = {
  /** POST /slack/events; mount it on a path with no body parser (createHttpApp's rawBodyPaths). Empty in Socket Mode. */
  readonly router: Router;
  readonly app: App;
  /** Connects the Socket Mode WebSocket when SLACK_APP_TOKEN is set; nothing to do over HTTP (Koa listens). */
  start(): Promise<void>;
  stop(): Promise<void>;
};

/**
 * The Slack app: Bolt with our listeners, over HTTP (a receiver inside our Koa app) or, when SLACK_APP_TOKEN is set,
 * over Socket Mode (Bolt's SocketModeReceiver; no public URL needed, no request signing, acks over the socket).
 */
export function slackRoutes(settings: SlackSettings, deps: SlackRouteDeps): SlackRoutes {
  const logger = boltLogger(deps.log);
  const appToken = settings.SLACK_APP_TOKEN;
  const http = appToken
    ? undefined
    : new KoaSlackReceiver({
        signingSecret: settings.SLACK_SIGNING_SECRET,
        clock: deps.signatureClock,
        log: deps.log,
        logger,
      });
  const app = new App({
    receiver: http ?? new SocketModeReceiver({ appToken: appToken ?? '', logger }),
    // authorize rather than `token`: given a token, Bolt calls auth.test when constructed, a network call at boot
    // that fails offline and in tests. Without botId, Bolt's ignoreSelf cannot spot our own posts; the message
    // listener drops every post with a bot_id instead.
    authorize: async () => ({ botToken: settings.SLACK_BOT_TOKEN }),
    clientOptions: slackClientOptions(settings),
    logger,
    // Bolt's conversation store keeps state per channel in memory; we keep state in MongoDB.
    convoStore: false,
  });
  // Logged, not rethrown: a rethrow would reach the receiver after the ack and change nothing but the noise.
  app.error(async (error) => deps.log.error({ err: error, platform: 'slack' }, 'slack listener failed'));
  registerSlackListeners(app, deps);

  const router = new Router();
  if (http) router.post(SLACK_EVENTS_PATH, (ctx) => http.handle(ctx));
  return {
    router,
    app,
    start: async () => {
      if (appToken) await app.start();
    },
    stop: async () => {
      if (appToken) await app.stop();
    },
  };
}

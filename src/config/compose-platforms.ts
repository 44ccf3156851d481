import type Router from '@koa/router';
import type { Logger } from 'pino';
import { dingtalkAdapter } from '../adapters/dingtalk/dingtalk-adapter.js';
import { dingtalkApi } from '../adapters/dingtalk/dingtalk-api.js';
import {
  DINGTALK_CALLBACK_PATH,
  DINGTALK_EVENTS_PATH,
  dingtalkRoutes,
} from '../adapters/dingtalk/dingtalk-routes.js';
import { readDingtalkSettings } from '../adapters/dingtalk/dingtalk-settings.js';
import { startDingtalkStream } from '../adapters/dingtalk/dingtalk-stream.js';
import { slackAdapter } from '../adapters/slack/slack-adapter.js';
import { slackRoutes } from '../adapters/slack/slack-routes.js';
import { SLACK_EVENTS_PATH } from '../adapters/slack/slack-receiver.js';
import { readSlackSettings } from '../adapters/slack/slack-settings.js';
import { wecomAdapter } from '../adapters/wecom/wecom-adapter.js';
import { WECOM_CALLBACK_PATH, wecomRoutes } from '../adapters/wecom/wecom-routes.js';
import { readWecomSettings } from '../adapters/wecom/wecom-settings.js';
import type { BackgroundWork } from '../chat/background-work.js';
import type { ChatAdapter } from '../chat/chat-adapter.js';
import type { InboundEventLedger, SeenSignatures } from '../chat/inbound-ports.js';
import type { Registry } from '../chat/registry.js';
import type { Platform } from '../core/org/types.js';
import { type Clock, systemClock } from '../core/shared/clock.js';

export type PlatformOptions = {
  /** The real platforms to run (the sandbox is governed by SANDBOX_ENABLED). */
  readonly enabled: readonly Platform[];
  /** Where each platform reads its own settings; only enabled ones are read and checked. */
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly publicUrl: string;
};

export type PlatformRuntime = {
  readonly adapters: ReadonlyMap<Platform, ChatAdapter>;
  readonly routers: readonly Router[];
  /** Webhook paths whose routes verify signatures over the raw body: no body parser may run before them. */
  readonly rawBodyPaths: readonly string[];
  /** Opens the connections that need no public URL (DingTalk Stream, Slack Socket Mode). */
  start(): Promise<void>;
  stop(): Promise<void>;
};

const SETTINGS_READERS: Readonly<
  Record<Exclude<Platform, 'sandbox'>, (env: PlatformOptions['env']) => unknown>
> = {
  slack: readSlackSettings,
  dingtalk: readDingtalkSettings,
  wecom: readWecomSettings,
};

/**
 * Every enabled platform's settings problems, each platform's own message naming every variable to set: checked at
 * start-up before anything else is started, so a misconfigured platform stops the service with one clear message.
 */
export function platformSettingsProblems(
  enabled: readonly Platform[],
  env: PlatformOptions['env'],
): string[] {
  return enabled.flatMap((platform) => {
    if (platform === 'sandbox') return [];
    try {
      SETTINGS_READERS[platform](env);
      return [];
    } catch (error) {
      return [error instanceof Error ? error.message : String(error)];
    }
  });
}

type PlatformDeps = {
  readonly registry: Registry;
  /** The app's clock (the sandbox may move it): for what the app schedules, never for checking signatures. */
  readonly clock: Clock;
  /** Signed callbacks already accepted (DingTalk and WeCom accept each signature once). */
  readonly seenSignatures: SeenSignatures;
  /** Started/done per inbound event: retries of handled events do nothing, of crashed ones run again. */
  readonly inboundEvents: InboundEventLedger;
  /** Work webhooks start after acknowledging; shutdown awaits `background.idle()`. */
  readonly background: BackgroundWork;
  readonly log: Logger;
  /** WeCom's one-time card-update codes, kept where a restart does not lose them. */
  readonly responseCodes: (platform: Platform) => {
    save(taskId: string, code: string, at: Date): Promise<void>;
    take(taskId: string): Promise<string | undefined>;
  };
};

/**
 * Every platform checks signature windows on real time: the sandbox's clock control moves the app's clock, and a
 * moved clock must neither refuse genuine requests as stale nor accept old captured ones.
 */
const SIGNATURE_CLOCK: Clock = systemClock;

type Wiring = {
  adapter: ChatAdapter;
  routers: Router[];
  rawBodyPaths: string[];
  start?: () => Promise<() => Promise<void>>;
};

/**
 * Builds each enabled platform from its own settings. A platform whose settings are missing or malformed throws
 * here, at start-up, naming every variable to set; nothing is half-started.
 */
export function composePlatforms(options: PlatformOptions, deps: PlatformDeps): PlatformRuntime {
  const wirings = new Map<Platform, Wiring>();
  for (const platform of options.enabled) {
    if (platform === 'slack') wirings.set(platform, slack(options, deps));
    if (platform === 'dingtalk') wirings.set(platform, dingtalk(options, deps));
    if (platform === 'wecom') wirings.set(platform, wecom(options, deps));
  }
  const stops: (() => Promise<void>)[] = [];
  return {
    adapters: new Map([...wirings].map(([p, w]) => [p, w.adapter])),
    routers: [...wirings.values()].flatMap((w) => w.routers),
    rawBodyPaths: [...wirings.values()].flatMap((w) => w.rawBodyPaths),
    async start() {
      for (const w of wirings.values()) if (w.start) stops.push(await w.start());
    },
    async stop() {
      for (const stop of stops.splice(0))
        await stop().catch((error) => deps.log.warn({ err: error }, 'platform stop failed'));
    },
  };
}

function slack(options: PlatformOptions, deps: PlatformDeps): Wiring {
  const settings = readSlackSettings(options.env);
  const adapter = slackAdapter(settings);
  const routes = slackRoutes(settings, { ...inboundOf(deps), adapter, signatureClock: SIGNATURE_CLOCK });
  return {
    adapter,
    routers: [routes.router],
    rawBodyPaths: settings.SLACK_APP_TOKEN ? [] : [SLACK_EVENTS_PATH],
    start: async () => {
      await routes.start();
      return () => routes.stop();
    },
  };
}

function dingtalk(options: PlatformOptions, deps: PlatformDeps): Wiring {
  const settings = readDingtalkSettings(options.env);
  const api = dingtalkApi(settings, { clock: deps.clock });
  const adapter = dingtalkAdapter(settings, { api, clock: deps.clock });
  // One internal DingTalk app serves one org: its client id is the workspace the org is connected to.
  const inbound = { ...inboundOf(deps), adapter, workspaceId: settings.clientId };
  if (settings.mode === 'stream') {
    return {
      adapter,
      routers: [],
      rawBodyPaths: [],
      start: async () => {
        const stream = await startDingtalkStream(settings, inbound);
        return () => stream.stop();
      },
    };
  }
  return {
    adapter,
    routers: [
      dingtalkRoutes(settings, {
        ...inbound,
        signatureClock: SIGNATURE_CLOCK,
        seenSignatures: deps.seenSignatures,
      }),
    ],
    rawBodyPaths: [DINGTALK_CALLBACK_PATH, DINGTALK_EVENTS_PATH],
    start: async () => {
      // Card clicks reach an HTTP callback only once its URL is registered for the app (idempotent).
      await api.registerCardCallback(`${options.publicUrl}${DINGTALK_CALLBACK_PATH}`);
      return async () => {};
    },
  };
}

function wecom(options: PlatformOptions, deps: PlatformDeps): Wiring {
  const settings = readWecomSettings(options.env);
  const responseCodes = deps.responseCodes('wecom');
  const adapter = wecomAdapter(settings, { responseCodes, clock: deps.clock });
  const router = wecomRoutes(settings, {
    ...inboundOf(deps),
    adapter,
    responseCodes,
    // The corp id is what WeCom callbacks name, so it is the workspace the org is connected to.
    workspaceId: settings.WECOM_CORP_ID,
    clock: deps.clock,
    signatureClock: SIGNATURE_CLOCK,
    seenSignatures: deps.seenSignatures,
  });
  return { adapter, routers: [router], rawBodyPaths: [WECOM_CALLBACK_PATH] };
}

/** What every platform's inbound side shares: the registry, the event ledger, the background tracker, the log. */
function inboundOf(deps: PlatformDeps) {
  const { registry, inboundEvents, background, log } = deps;
  return { registry, inboundEvents, background, log };
}

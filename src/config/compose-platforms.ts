import type Router from '@koa/router';
import type { Logger } from 'pino';
import { readDingtalkSettings } from '../adapters/dingtalk/dingtalk-settings.js';
import { wireDingtalk } from '../adapters/dingtalk/wire-dingtalk.js';
import { readSlackSettings } from '../adapters/slack/slack-settings.js';
import { wireSlack } from '../adapters/slack/wire-slack.js';
import { readWecomSettings } from '../adapters/wecom/wecom-settings.js';
import { wireWecom } from '../adapters/wecom/wire-wecom.js';
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
    if (platform !== 'sandbox') wirings.set(platform, WIRINGS[platform](options, deps));
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

/** The deps every platform takes: the shared inbound side, the real clock for signatures, the app's clock. */
function common(deps: PlatformDeps) {
  const { registry, inboundEvents, background, log, seenSignatures, clock } = deps;
  return { registry, inboundEvents, background, log, seenSignatures, clock, signatureClock: SIGNATURE_CLOCK };
}

const WIRINGS: Readonly<
  Record<Exclude<Platform, 'sandbox'>, (options: PlatformOptions, deps: PlatformDeps) => Wiring>
> = {
  slack: (options, deps) => wireSlack(readSlackSettings(options.env), common(deps)),
  dingtalk: (options, deps) =>
    wireDingtalk(readDingtalkSettings(options.env), {
      ...common(deps),
      publicUrl: options.publicUrl,
    }),
  wecom: (options, deps) =>
    wireWecom(readWecomSettings(options.env), {
      ...common(deps),
      responseCodes: deps.responseCodes('wecom'),
    }),
};

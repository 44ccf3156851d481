import type Router from '@koa/router';
import type { Logger } from 'pino';
import { SANDBOX_FILE_LINK_KEY } from '../adapters/sandbox/sandbox-file-links.js';
import { wireSandbox } from '../adapters/sandbox/wire-sandbox.js';
import type { AdjustableClock } from '../core/shared/clock.js';
import type { Chat } from './build-chat.js';
import type { Jobs } from './build-jobs.js';
import type { Storage } from './build-storage.js';
import { composePlatforms, type PlatformOptions } from './compose-platforms.js';

export type PlatformsDeps = {
  readonly clock: AdjustableClock;
  readonly log: Logger;
  readonly sandboxEnabled: boolean;
  /** Real chat platforms (Slack, DingTalk, WeCom) and where their settings come from; none by default. */
  readonly platforms?: PlatformOptions | undefined;
};

/**
 * Every chat platform this app runs: the sandbox (when enabled) and the real ones, each adapter registered into the
 * chat side's adapter map, so outbox delivery finds it.
 */
export function buildPlatforms(
  storage: Storage,
  chat: Chat,
  jobs: Pick<Jobs, 'runJobs'>,
  deps: PlatformsDeps,
) {
  const { clock, log } = deps;
  const { orgs, teams, members, sandboxStore } = storage.repos;
  const platformDeps = {
    registry: chat.registry,
    clock,
    log,
    background: chat.background,
    responseCodes: storage.responseCodes,
    seenSignatures: storage.seenSignatures,
    inboundEvents: storage.inboundEvents,
  };
  const platforms = composePlatforms(deps.platforms ?? { enabled: [], env: {}, publicUrl: '' }, platformDeps);
  for (const [platform, adapter] of platforms.adapters) chat.adapters.set(platform, adapter);
  const sandboxRouters: Router[] = [];
  if (deps.sandboxEnabled) {
    const sandbox = wireSandbox({
      orgs,
      teams,
      members,
      store: sandboxStore,
      registry: chat.registry,
      inboundEvents: storage.inboundEvents,
      log,
      clock,
      runJobs: jobs.runJobs,
      flushOutbox: () => chat.outboxPump.runNow(),
      // The signed download links of file messages (a `/导出`'s CSV) read the bytes here.
      files: storage.repos.exportFiles,
      fileLinkKey: () => storage.repos.sharedSecret(SANDBOX_FILE_LINK_KEY),
    });
    chat.adapters.set('sandbox', sandbox.adapter);
    sandboxRouters.push(...sandbox.routers);
  }
  return { ...platforms, sandboxRouters };
}

export type Platforms = ReturnType<typeof buildPlatforms>;

import type { Clock } from '../../core/shared/clock.js';
import { dingtalkAdapter } from './dingtalk-adapter.js';
import { dingtalkApi } from './dingtalk-api.js';
import type { DingtalkInboundDeps } from './dingtalk-inbound.js';
import { DINGTALK_CALLBACK_PATH, DINGTALK_EVENTS_PATH, dingtalkRoutes } from './dingtalk-routes.js';
import type { DingtalkSettings } from './dingtalk-settings.js';
import { startDingtalkStream } from './dingtalk-stream.js';
import type { DingtalkSignatureDeps } from './verify-dingtalk-signature.js';

export type DingtalkWiringDeps = Omit<DingtalkInboundDeps, 'adapter' | 'workspaceId'> &
  DingtalkSignatureDeps & {
    /** The app's clock, for what the adapter schedules (token expiry); signatures use `signatureClock`. */
    readonly clock: Clock;
    /** Where DingTalk reaches us in HTTP mode: the card callback is registered at this URL on start. */
    readonly publicUrl: string;
  };

/**
 * DingTalk, wired: in Stream mode (the default) one outbound connection opened on start and no route; in HTTP
 * mode the callback routes, their unparsed paths, and the card callback registered on start.
 */
export function wireDingtalk(settings: DingtalkSettings, deps: DingtalkWiringDeps) {
  const api = dingtalkApi(settings, { clock: deps.clock });
  const adapter = dingtalkAdapter(settings, { api, clock: deps.clock });
  // One internal DingTalk app serves one org: its client id is the workspace the org is connected to.
  const inbound = { ...deps, adapter, workspaceId: settings.clientId };
  if (settings.mode === 'stream') {
    const start = async () => {
      const stream = await startDingtalkStream(settings, inbound);
      return () => stream.stop();
    };
    return { adapter, routers: [], rawBodyPaths: [], start };
  }
  return {
    adapter,
    routers: [dingtalkRoutes(settings, inbound)],
    rawBodyPaths: [DINGTALK_CALLBACK_PATH, DINGTALK_EVENTS_PATH],
    start: async () => {
      // Card clicks reach an HTTP callback only once its URL is registered for the app (idempotent).
      await api.registerCardCallback(`${deps.publicUrl}${DINGTALK_CALLBACK_PATH}`);
      return async () => {};
    },
  };
}

import type { Clock } from '../../core/shared/clock.js';
import type { ResponseCodeStore } from './response-code-store.js';
import { wecomAdapter } from './wecom-adapter.js';
import { WECOM_CALLBACK_PATH, type WecomRouteDeps, wecomRoutes } from './wecom-routes.js';
import type { WecomSettings } from './wecom-settings.js';

export type WecomWiringDeps = Omit<WecomRouteDeps, 'adapter' | 'workspaceId' | 'responseCodes'> & {
  /** The app's clock: response codes are dated on it, as the adapter checks them on it. */
  readonly clock: Clock;
  /** WeCom's one-time card-update codes, kept where a restart does not lose them. */
  readonly responseCodes: ResponseCodeStore;
};

/** WeCom, wired: its adapter and the callback route (GET URL check, POST messages and clicks), kept unparsed. */
export function wireWecom(settings: WecomSettings, deps: WecomWiringDeps) {
  const adapter = wecomAdapter(settings, { responseCodes: deps.responseCodes, clock: deps.clock });
  const router = wecomRoutes(settings, {
    ...deps,
    adapter,
    // The corp id is what WeCom callbacks name, so it is the workspace the org is connected to.
    workspaceId: settings.WECOM_CORP_ID,
  });
  return { adapter, routers: [router], rawBodyPaths: [WECOM_CALLBACK_PATH] };
}

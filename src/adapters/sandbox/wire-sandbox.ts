import type Router from '@koa/router';
import type { ChatAdapter } from '../../chat/chat-adapter.js';
import { sandboxAdapter } from './sandbox-adapter.js';
import { type SandboxRouteDeps, sandboxRoutes } from './sandbox-routes.js';

export type SandboxWiring = { readonly adapter: ChatAdapter; readonly routers: readonly Router[] };

/**
 * The sandbox, wired like every platform: its adapter (sending = storing, where the page reads it) and its routes.
 * It has no settings of its own beyond SANDBOX_ENABLED (the caller decides) and no signature: it is an
 * unauthenticated demo tool on the app's own origin, with no platform on the other end to sign anything.
 */
export function wireSandbox(deps: SandboxRouteDeps): SandboxWiring {
  return { adapter: sandboxAdapter(deps.store, deps.clock), routers: [sandboxRoutes(deps)] };
}

import type Router from '@koa/router';
import type { ChatAdapter } from '../../chat/chat-adapter.js';
import { sandboxAdapter } from './sandbox-adapter.js';
import { sandboxFileLinks } from './sandbox-file-links.js';
import { type SandboxRouteDeps, sandboxRoutes } from './sandbox-routes.js';

export type SandboxWiring = { readonly adapter: ChatAdapter; readonly routers: readonly Router[] };

/**
 * The sandbox, wired like every platform: its adapter (sending = storing, where the page reads it) and its routes.
 * It has no settings of its own beyond SANDBOX_ENABLED (the caller decides) and no signature: it is an
 * unauthenticated demo tool on the app's own origin, with no platform on the other end to sign anything.
 */
export function wireSandbox(deps: SandboxRouteDeps): SandboxWiring {
  // One link key for the adapter that makes the links and the route that checks them, kept in the database so a
  // link still works after a restart (or served by another instance).
  const fileLinks = deps.fileLinks ?? sandboxFileLinks(deps.fileLinkKey);
  return {
    adapter: sandboxAdapter(deps.store, deps.clock, fileLinks),
    routers: [sandboxRoutes({ ...deps, fileLinks })],
  };
}

import type { DashboardAccessStore } from '../../core/org/dashboard-link.js';
import { DASHBOARD_LINK_MS } from '../../core/org/dashboard-link.js';
import { issueDashboardLink } from '../../core/org/issue-dashboard-link.js';
import type { Clock } from '../../core/shared/clock.js';
import { isDomainError } from '../../core/shared/errors.js';
import type { ActionHandler, CommandHandler, HandlerContext } from '../registry.js';

export type DashboardChatDeps = {
  readonly dashboardAccess: DashboardAccessStore;
  readonly clock: Clock;
  /** Where people reach the service (PUBLIC_URL); the link is built on it. */
  readonly publicUrl?: string;
};

/** As load-config's default PUBLIC_URL (http://localhost:PORT, PORT 3000). */
const DEFAULT_PUBLIC_URL = 'http://localhost:3000';

/**
 * `/看板` (`/dashboard`): a one-time sign-in link to the dashboard, in the member's private reply (their 1:1 chat on
 * DingTalk and WeCom, an ephemeral answer on Slack), never in a group. Each `/看板` makes a new link: a retried
 * event that was answered already is not handled twice (dispatchAndReply), and an extra link costs nothing.
 */
export function dashboardCommand(deps: DashboardChatDeps): CommandHandler {
  return async (ctx) => ({ replies: [{ text: await linkText(deps, ctx) }] });
}

/**
 * 打开看板 on the report card: a fresh link for the member who clicked, never one baked into the card (the digest
 * sits in a team channel, and a link is personal and opens once). Action replies go to the clicker only, as
 * `/看板`'s do, and nothing updates the card. A member whose role sees no figure is told so in plain words.
 */
export function openDashboardAction(deps: DashboardChatDeps): ActionHandler {
  return async (ctx) => {
    try {
      return { replies: [{ text: await linkText(deps, ctx) }] };
    } catch (error) {
      if (isDomainError(error) && error.code === 'FORBIDDEN')
        return { replies: [{ text: ctx.texts.dashboard.noFigures }] };
      throw error;
    }
  };
}

async function linkText(deps: DashboardChatDeps, ctx: HandlerContext): Promise<string> {
  const { token } = await issueDashboardLink({ access: deps.dashboardAccess, clock: deps.clock }, ctx.caller);
  const base = (deps.publicUrl ?? DEFAULT_PUBLIC_URL).replace(/\/+$/, '');
  const url = `${base}/dashboard?t=${encodeURIComponent(token)}`;
  return ctx.texts.dashboard.link(url, DASHBOARD_LINK_MS / 60_000);
}

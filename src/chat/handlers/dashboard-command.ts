import type { DashboardAccessStore } from '../../core/org/dashboard-link.js';
import { DASHBOARD_LINK_MS } from '../../core/org/dashboard-link.js';
import { issueDashboardLink } from '../../core/org/issue-dashboard-link.js';
import type { Clock } from '../../core/shared/clock.js';
import type { CommandHandler } from '../registry.js';

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
  return async (ctx) => {
    const { token } = await issueDashboardLink(
      { access: deps.dashboardAccess, clock: deps.clock },
      ctx.caller,
    );
    const base = (deps.publicUrl ?? DEFAULT_PUBLIC_URL).replace(/\/+$/, '');
    const url = `${base}/dashboard?t=${encodeURIComponent(token)}`;
    return { replies: [{ text: ctx.texts.dashboard.link(url, DASHBOARD_LINK_MS / 60_000) }] };
  };
}

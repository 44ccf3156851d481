import type { DashboardLinkErrorCode } from '../../core/org/dashboard-link.js';

/** A used or expired sign-in link is gone for good: the member asks for a new one (spread into HTTP_STATUS). */
export const DASHBOARD_HTTP_STATUS: Readonly<Record<DashboardLinkErrorCode, number>> = {
  DASHBOARD_LINK_INVALID: 410,
};

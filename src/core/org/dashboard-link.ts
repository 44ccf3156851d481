import type { MemberId, OrgId } from '../shared/ids.js';

/** A sign-in link lives 10 minutes and is good once; the session it opens lasts a working day. */
export const DASHBOARD_LINK_MS = 10 * 60_000;
export const DASHBOARD_SESSION_MS = 8 * 3_600_000;

/** Why a link did not open: the page tells the member which, and to send `/看板` again. */
export type DashboardLinkRefusal = 'used' | 'expired' | 'unknown';

export type DashboardLinkErrorCode = 'DASHBOARD_LINK_INVALID';

declare module '../shared/errors.js' {
  interface DomainErrorCodes extends Record<DashboardLinkErrorCode, true> {}
}

/** Whose a session is: the member's role and scope are read again on every request (a demotion applies at once). */
export type DashboardGrant = {
  readonly orgId: OrgId;
  readonly memberId: MemberId;
  readonly expiresAt: Date;
};

/**
 * Links and the sessions they open, stored only as SHA-256 hashes of their secrets (a database dump opens nothing).
 * One record per link: exchanging it is one conditional write that marks it used and stores the session's hash.
 */
export interface DashboardAccessStore {
  saveLink(link: {
    readonly orgId: OrgId;
    readonly memberId: MemberId;
    readonly linkHash: string;
    readonly createdAt: Date;
    readonly expiresAt: Date;
  }): Promise<void>;
  /** Unused and unexpired at `now` → used, with the session; undefined otherwise (the race's loser gets nothing). */
  exchange(
    linkHash: string,
    session: { readonly sessionHash: string; readonly now: Date; readonly expiresAt: Date },
  ): Promise<DashboardGrant | undefined>;
  /** What became of a link that did not exchange (used, or still unused): for the refusal's wording only. */
  linkState(linkHash: string): Promise<{ readonly used: boolean } | undefined>;
  findSession(sessionHash: string, now: Date): Promise<DashboardGrant | undefined>;
}

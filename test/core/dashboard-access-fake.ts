import type { DashboardAccessStore, DashboardGrant } from '../../src/core/org/dashboard-link.js';
import type { MemberId, OrgId } from '../../src/core/shared/ids.js';

type Row = {
  orgId: OrgId;
  memberId: MemberId;
  linkHash: string;
  linkExpiresAt: Date;
  usedAt?: Date;
  sessionHash?: string;
  sessionExpiresAt?: Date;
};

/** The dashboard's links and sessions in memory, held to the mongo store by dashboard-access.contract.test.ts. */
export class FakeDashboardAccess implements DashboardAccessStore {
  readonly rows: Row[] = [];

  async saveLink(link: Parameters<DashboardAccessStore['saveLink']>[0]) {
    if (this.rows.some((r) => r.linkHash === link.linkHash)) throw new Error('duplicate link hash');
    this.rows.push({
      ...{ orgId: link.orgId, memberId: link.memberId },
      ...{ linkHash: link.linkHash, linkExpiresAt: link.expiresAt },
    });
  }

  async exchange(linkHash: string, s: { sessionHash: string; now: Date; expiresAt: Date }) {
    const row = this.rows.find((r) => r.linkHash === linkHash && !r.usedAt && r.linkExpiresAt > s.now);
    if (!row) return undefined;
    Object.assign(row, { usedAt: s.now, sessionHash: s.sessionHash, sessionExpiresAt: s.expiresAt });
    return grantOf(row);
  }

  async linkState(linkHash: string) {
    const row = this.rows.find((r) => r.linkHash === linkHash);
    return row ? { used: row.usedAt !== undefined } : undefined;
  }

  async findSession(sessionHash: string, now: Date) {
    const row = this.rows.find((r) => r.sessionHash === sessionHash && (r.sessionExpiresAt ?? now) > now);
    return row ? grantOf(row) : undefined;
  }
}

const grantOf = (row: Row): DashboardGrant => ({
  orgId: row.orgId,
  memberId: row.memberId,
  expiresAt: row.sessionExpiresAt ?? row.linkExpiresAt,
});

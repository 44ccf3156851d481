import type { FollowUp } from '../../src/core/follow-ups/follow-up-types.js';
import type {
  FollowUpInsertConflict,
  FollowUpListQuery,
  FollowUpRepository,
  NewFollowUp,
} from '../../src/core/follow-ups/ports.js';
import { type FollowUpId, followUpId, type LeadId, type OrgId } from '../../src/core/shared/ids.js';

/**
 * Follow-up records in memory, with the semantics the contract test (test/storage/follow-up-repository.contract
 * .test.ts) holds the mongo repository to: the unique (orgId, requestKey) and (orgId, recordId, version) indexes
 * refuse inserts, and every write checks and writes in one synchronous step after a turn of the event loop, so
 * concurrent callers really interleave and exactly one of them can win.
 */
export class FakeFollowUpRepository implements FollowUpRepository {
  private readonly records = new Map<string, FollowUp>();
  private next = 1;
  /** Every insert tried, refused ones too (a test can count what a use-case wrote). */
  readonly inserts: NewFollowUp[] = [];

  all(): FollowUp[] {
    return [...this.records.values()];
  }

  async insert(record: NewFollowUp): Promise<{ followUp: FollowUp } | { conflict: FollowUpInsertConflict }> {
    await turn();
    this.inserts.push(record);
    const same = (f: FollowUp) => f.orgId === record.orgId;
    const all = this.all().filter(same);
    if (record.requestKey !== undefined && all.some((f) => f.requestKey === record.requestKey))
      return { conflict: 'replay' };
    if (record.recordId && all.some((f) => f.recordId === record.recordId && f.version === record.version))
      return { conflict: 'version' };
    // Hex ids in creation order, like ObjectIds (a leading f keeps them apart from the lead fake's).
    const id = followUpId(`f${(this.next++).toString(16).padStart(23, '0')}`);
    const followUp: FollowUp = { ...record, id, recordId: record.recordId ?? id };
    this.records.set(id, followUp);
    return { followUp };
  }

  async get(org: OrgId, id: FollowUpId) {
    await turn();
    const found = this.records.get(id);
    return found?.orgId === org ? found : undefined;
  }

  async findByRequestKey(org: OrgId, requestKey: string) {
    await turn();
    return this.all().find((f) => f.orgId === org && f.requestKey === requestKey);
  }

  async listByLead(org: OrgId, lead: LeadId, query: FollowUpListQuery) {
    await turn();
    return this.all()
      .filter((f) => f.orgId === org && f.leadId === lead && (query.versions === 'all' || !f.supersededAt))
      .sort(
        (a, b) =>
          b.at.getTime() - a.at.getTime() || b.recordId.localeCompare(a.recordId) || b.version - a.version,
      )
      .slice(0, query.limit);
  }

  async versionsOf(org: OrgId, recordId: FollowUpId) {
    await turn();
    return this.all()
      .filter((f) => f.orgId === org && f.recordId === recordId)
      .sort((a, b) => a.version - b.version);
  }

  async supersede(org: OrgId, id: FollowUpId, at: Date) {
    await turn();
    const found = this.records.get(id);
    if (!found || found.orgId !== org || found.supersededAt) return false;
    this.records.set(id, { ...found, supersededAt: at });
    return true;
  }

  async remove(org: OrgId, id: FollowUpId) {
    await turn();
    if (this.records.get(id)?.orgId === org) this.records.delete(id);
  }
}

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

import type {
  Complaint,
  ComplaintId,
  ComplaintStatus,
} from '../../src/core/after-sales/after-sales-types.js';
import { complaintId, HISTORY_LIMIT } from '../../src/core/after-sales/after-sales-types.js';
import type {
  ComplaintChange,
  ComplaintCondition,
  ComplaintQuery,
  ComplaintRepository,
  NewComplaint,
} from '../../src/core/after-sales/ports.js';
import type { OrgId } from '../../src/core/shared/ids.js';

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

const statusesOf = (s: ComplaintCondition['status']): readonly ComplaintStatus[] =>
  typeof s === 'string' ? [s] : s;

/**
 * Complaints in memory, held to the mongo repository by test/storage/complaint-repository.contract.test.ts: the
 * unique (org, code) and (org, requestKey) indexes, and `updateIf` checking and writing in one synchronous step after
 * a turn of the event loop, so concurrent callers really interleave and exactly one of them wins a condition.
 */
export class FakeComplaintRepository implements ComplaintRepository {
  private readonly rows = new Map<string, Complaint>();
  private next = 1;
  readonly writes: { id: ComplaintId; change: ComplaintChange }[] = [];

  all(): Complaint[] {
    return [...this.rows.values()];
  }

  async insert(record: NewComplaint) {
    await turn();
    const clash = this.all().some(
      (c) =>
        c.orgId === record.orgId &&
        (c.code === record.code || (record.requestKey !== undefined && c.requestKey === record.requestKey)),
    );
    if (clash) return { conflict: 'replay' as const };
    const complaint: Complaint = { ...record, id: complaintId((this.next++).toString(16).padStart(24, 'c')) };
    this.rows.set(complaint.id, complaint);
    return { complaint };
  }

  async get(org: OrgId, id: ComplaintId) {
    const c = this.rows.get(id);
    return c?.orgId === org ? c : undefined;
  }

  async findByCode(org: OrgId, code: string) {
    return this.all().find((c) => c.orgId === org && c.code === code);
  }

  async findByRequestKey(org: OrgId, key: string) {
    return this.all().find((c) => c.orgId === org && c.requestKey === key);
  }

  async list(org: OrgId, q: ComplaintQuery) {
    return this.all()
      .filter(
        (c) =>
          c.orgId === org &&
          (q.status === undefined || c.status === q.status) &&
          (q.customerId === undefined || c.customerId === q.customerId) &&
          (q.customerOwnerId === undefined || c.customerOwnerId === q.customerOwnerId) &&
          (q.customerOwnerIds === undefined ||
            (c.customerOwnerId !== undefined && q.customerOwnerIds.includes(c.customerOwnerId))) &&
          (q.assigneeId === undefined || c.assigneeId === q.assigneeId),
      )
      .sort((a, b) => (a.id < b.id ? 1 : -1))
      .slice(0, q.limit);
  }

  async updateIf(org: OrgId, id: ComplaintId, condition: ComplaintCondition, change: ComplaintChange) {
    await turn();
    const c = this.rows.get(id);
    if (!c || c.orgId !== org || !statusesOf(condition.status).includes(c.status)) return undefined;
    if (condition.round !== undefined && c.round !== condition.round) return undefined;
    const next: Record<string, unknown> = { ...c, ...change.set };
    for (const key of change.unset ?? []) delete next[key];
    const updated = {
      ...next,
      round: c.round + (change.bumpRound ? 1 : 0),
      history: change.entry ? [...c.history, change.entry].slice(-HISTORY_LIMIT) : c.history,
      version: c.version + 1,
    } as Complaint;
    this.rows.set(id, updated);
    this.writes.push({ id, change });
    return updated;
  }

  async findTaskPending(before: Date, limit: number) {
    return this.all()
      .filter((c) => c.taskPendingAt !== undefined && c.taskPendingAt <= before)
      .sort((a, b) => a.taskPendingAt!.getTime() - b.taskPendingAt!.getTime())
      .slice(0, limit);
  }
}

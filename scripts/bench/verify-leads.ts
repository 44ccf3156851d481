import { toObjectId } from '../../src/storage/object-id.js';
import type { BenchEnvironment } from './bench-environment.js';

export type Verification = {
  ok: boolean;
  expectedLeads: number;
  storedLeads: number;
  distinctPhones: number;
  duplicates: number;
  /** Stored leads by status: routing should assign nearly all (the demo's event rule pools by design). */
  statuses: Record<string, number>;
  outboxEntries: number;
};

/** Counts what the bench stored (after the measurements, so these reads are not counted). */
export async function verifyLeads(env: BenchEnvironment, expectedLeads: number): Promise<Verification> {
  const { Lead, OutboxEntry } = env.app.models;
  const orgId = env.org.id;
  const [storedLeads, phones, duplicates, byStatus, outboxEntries] = await Promise.all([
    Lead.countDocuments({ orgId }),
    Lead.distinct('keys.phone', { orgId }),
    Lead.countDocuments({ orgId, duplicateOf: { $exists: true } }),
    Lead.aggregate<{ _id: string; n: number }>([
      { $match: { orgId: toObjectId(orgId) } },
      { $group: { _id: '$status', n: { $sum: 1 } } },
    ]),
    OutboxEntry.countDocuments({ orgId }),
  ]);
  return {
    ok: storedLeads === expectedLeads && phones.length === expectedLeads && duplicates === 0,
    expectedLeads,
    storedLeads,
    distinctPhones: phones.length,
    duplicates,
    statuses: Object.fromEntries(byStatus.sort((a, b) => b.n - a.n).map((s) => [s._id, s.n])),
    outboxEntries,
  };
}

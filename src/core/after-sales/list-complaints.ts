import { z } from 'zod';
import { assertCan, type Caller } from '../org/index.js';
import { customerId } from '../shared/ids.js';
import { parseInput } from '../shared/validate.js';
import { complaintReachOf } from './after-sales-access.js';
import { COMPLAINT_STATUSES, type Complaint } from './after-sales-types.js';
import type { AfterSalesDeps } from './ports.js';

const listSchema = z.strictObject({
  status: z.enum(COMPLAINT_STATUSES).optional(),
  customerId: z.string().min(1).max(100).optional(),
  limit: z.number().int().min(1).max(200).default(50),
});

/**
 * The complaint centre's list, newest first: every complaint for after-sales managers, directors and admins; a
 * sales manager sees their teams' customers', a rep their own customers', after-sales staff the ones assigned to
 * them (complaintScope). One database command (two for a manager: their teams' members first).
 */
export async function listComplaints(
  deps: Pick<AfterSalesDeps, 'complaints' | 'members'>,
  caller: Caller,
  input: z.input<typeof listSchema> = {},
): Promise<Complaint[]> {
  const given = parseInput(listSchema, input);
  const scope = await complaintReachOf(deps, caller);
  if (!scope) {
    assertCan(caller, 'complaint.read_all');
    return [];
  }
  return deps.complaints.list(caller.org.id, {
    ...scope,
    ...(given.status ? { status: given.status } : {}),
    ...(given.customerId ? { customerId: customerId(given.customerId) } : {}),
    limit: given.limit,
  });
}

import type { Caller } from '../org/index.js';
import { DomainError } from '../shared/errors.js';
import { complaintReachOf, inComplaintReach } from './after-sales-access.js';
import { findComplaint, taskCodeOf } from './after-sales-refs.js';
import type { Complaint, Task } from './after-sales-types.js';
import type { AfterSalesDeps } from './ports.js';

/**
 * `GET /complaints/:ref`: one complaint (by code `TS-1001` or id) with its order and contract (as read when it was
 * raised), its history, and its tasks, one per assignment, oldest first, with their hours. Scoped by the list's own
 * rule (complaintScope): a complaint the caller may not see is answered as not found, so its existence is not told.
 */
export async function getComplaint(
  deps: Pick<AfterSalesDeps, 'complaints' | 'tasks' | 'members'>,
  caller: Caller,
  input: { readonly complaint: string },
): Promise<{ complaint: Complaint; tasks: Task[] }> {
  const complaint = await findComplaint(deps.complaints, caller.org.id, input.complaint);
  if (!inComplaintReach(await complaintReachOf(deps, caller), complaint)) {
    throw new DomainError('COMPLAINT_NOT_FOUND', { ref: input.complaint });
  }
  // Task codes follow the complaint's (T-1001, T-1001-2 after a reopen): one look-up per assignment, in parallel.
  const rounds = Array.from({ length: complaint.round }, (_, i) => i + 1);
  const found = await Promise.all(
    rounds.map((round) => deps.tasks.findByCode(caller.org.id, taskCodeOf(complaint.code, round))),
  );
  return { complaint, tasks: found.filter((t): t is Task => t !== undefined) };
}

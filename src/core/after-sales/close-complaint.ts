import { z } from 'zod';
import { assertCan, type Caller } from '../org/index.js';
import { DomainError } from '../shared/errors.js';
import { textField } from '../shared/text-field.js';
import { parseInput } from '../shared/validate.js';
import { actorOf } from './after-sales-access.js';
import { findComplaint } from './after-sales-refs.js';
import type { Complaint, ComplaintStatus } from './after-sales-types.js';
import type { AfterSalesDeps } from './ports.js';

const noteSchema = z.strictObject({
  complaint: z.string().min(1).max(60),
  note: textField({ multiLine: true }).min(1).max(1000).optional(),
});

/** Where each change may start from: closing ends any complaint not closed; reopening a resolved or closed one. */
const FROM: Readonly<Record<'closed' | 'reopened', readonly ComplaintStatus[]>> = {
  closed: ['unassigned', 'assigned', 'in_progress', 'in_review', 'resolved', 'reopened'],
  reopened: ['resolved', 'closed'],
};

/**
 * An after-sales manager closes a complaint (已关闭: withdrawn, a duplicate, settled otherwise) or reopens a resolved
 * or closed one (重新打开: it is assigned again, as a new task). One conditional write on the status read, the note
 * kept as typed. Two database commands.
 */
export async function changeComplaintStatus(
  deps: Pick<AfterSalesDeps, 'complaints' | 'clock'>,
  caller: Caller,
  input: { readonly complaint: string; readonly to: 'closed' | 'reopened'; readonly note?: string },
): Promise<Complaint> {
  assertCan(caller, 'complaint.assign');
  const { complaint: ref, note } = parseInput(noteSchema, { complaint: input.complaint, note: input.note });
  const current = await findComplaint(deps.complaints, caller.org.id, ref);
  if (!FROM[input.to].includes(current.status))
    throw new DomainError('COMPLAINT_STATUS_CONFLICT', { code: current.code, status: current.status });
  const now = deps.clock.now();
  const updated = await deps.complaints.updateIf(
    caller.org.id,
    current.id,
    { status: current.status, round: current.round },
    {
      set: { status: input.to },
      unset:
        input.to === 'reopened'
          ? ['assigneeId', 'assigneeName', 'assignedBy', 'resolvedAt']
          : ['taskPendingAt'],
      entry: { at: now, from: current.status, to: input.to, by: actorOf(caller), ...(note ? { note } : {}) },
    },
  );
  if (!updated) throw new DomainError('CONFLICT', { code: current.code });
  return updated;
}

import { DomainError } from '../shared/errors.js';
import type { OrgId } from '../shared/ids.js';
import { type Complaint, complaintId, type Task, taskId } from './after-sales-types.js';
import type { ComplaintRepository, TaskRepository } from './ports.js';

/**
 * Complaint codes `TS-1001` (投诉), numbered from one per-org counter from COMPLAINT_CODE_BASE; a complaint's task
 * takes the same number (`T-1001`, then `T-1001-2` after a reopen), so the two read as a pair and assigning needs
 * no second counter (one database command fewer). Neither clashes with lead codes (`L-…`) or orders (`SO-…`).
 */
export const COMPLAINT_CODE_BASE = 1000;
export const COMPLAINT_COUNTER = 'complaint';
export const complaintCodeOf = (counter: number): string => `TS-${COMPLAINT_CODE_BASE + counter}`;

/** The task code of a complaint's `round`-th assignment. */
export function taskCodeOf(complaintCode: string, round: number): string {
  const n = complaintCode.replace(/^TS-/, '');
  return round <= 1 ? `T-${n}` : `T-${n}-${round}`;
}

const HEX_ID = /^[0-9a-f]{24}$/i;
const canonical = (ref: string) =>
  ref
    .normalize('NFKC')
    .trim()
    .replace(/[－–—]/g, '-')
    .toUpperCase();

/** `TS-1001`, `ts1001`, `１００１` or an id, to the org's complaint; COMPLAINT_NOT_FOUND otherwise. One query. */
export async function findComplaint(
  complaints: Pick<ComplaintRepository, 'get' | 'findByCode'>,
  org: OrgId,
  ref: string,
): Promise<Complaint> {
  const text = canonical(ref);
  const digits = /^(?:TS-?)?(\d{1,12})$/.exec(text)?.[1];
  const found = HEX_ID.test(text)
    ? await complaints.get(org, complaintId(text.toLowerCase()))
    : digits
      ? await complaints.findByCode(org, `TS-${Number(digits)}`)
      : undefined;
  if (!found) throw new DomainError('COMPLAINT_NOT_FOUND', { ref });
  return found;
}

/** `T-1001`, `t1001-2`, `1001` or an id, to the org's task; TASK_NOT_FOUND otherwise. One query. */
export async function findTask(
  tasks: Pick<TaskRepository, 'get' | 'findByCode'>,
  org: OrgId,
  ref: string,
): Promise<Task> {
  const text = canonical(ref);
  const code = /^(?:T-?)?(\d{1,12})(?:-(\d{1,3}))?$/.exec(text);
  const found = HEX_ID.test(text)
    ? await tasks.get(org, taskId(text.toLowerCase()))
    : code?.[1]
      ? await tasks.findByCode(org, taskCodeOf(`TS-${Number(code[1])}`, Number(code[2] ?? 1)))
      : undefined;
  if (!found) throw new DomainError('TASK_NOT_FOUND', { ref });
  return found;
}

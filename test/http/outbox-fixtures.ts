import { Types } from 'mongoose';
import type { Models } from '../../src/storage/models.js';

/**
 * One outbox message waiting, never taken, written straight to the store: for the readiness and metrics tests of
 * the outbox's backlog. `dueAt` in the past is a stalled deliverer's leftover; in the future, a message not due yet.
 */
export function pendingOutboxEntry(
  models: Pick<Models, 'OutboxEntry'>,
  key: string,
  dueAt: Date,
  createdAt: Date,
) {
  return models.OutboxEntry.create({
    orgId: new Types.ObjectId(),
    idempotencyKey: key,
    kind: 'lead.assigned',
    data: {},
    to: { kind: 'member', memberId: 'x' },
    mode: 'post',
    status: 'pending',
    attempts: 0,
    dueAt,
    createdAt,
  });
}

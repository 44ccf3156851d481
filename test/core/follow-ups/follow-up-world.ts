import type { OrgSettings } from '../../../src/core/org/types.js';
import { AT, HOUR, leadWorld, REP_A } from '../lead-world.js';

/** A lead world (its deps hold the follow-up records' fake) and a lead REP_A holds (claimed unless told otherwise). */
export function followUpWorld(options: { settings?: Partial<OrgSettings> } = {}) {
  const w = leadWorld(options);
  return {
    ...w,
    /** A lead REP_A owns, on the ladder (`dueStep`/`dueAt` set), as a follow-up finds it. */
    owned: (status: 'claimed' | 'assigned' = 'claimed') =>
      w.store({
        status,
        ownerId: REP_A.id,
        ownerName: REP_A.name,
        followUpStatus: 'unfollowed',
        ...(status === 'claimed' ? { claimedAt: AT } : { assignedAt: AT }),
        dueStep: 'nudge',
        dueAt: new Date(AT.getTime() + 24 * HOUR),
      }),
  };
}

/** Tomorrow 10:00 in Shanghai, seen from the world's clock (Monday 10:00). */
export const TOMORROW_10 = new Date(AT.getTime() + 24 * HOUR);

/** A complete follow-up of an open lead, as the chat or the API gives it. */
export const PHONE_CALL = {
  channel: 'phone' as const,
  content: '客户要报价单',
  outcome: 'trial-booked',
  nextContactAt: TOMORROW_10,
};

import { describe, expect, it } from 'vitest';
import { assignComplaint, getComplaint, raiseComplaint } from '../../../src/core/after-sales/index.js';
import { memberCaller } from '../../../src/core/org/caller.js';
import { DomainError } from '../../../src/core/shared/errors.js';
import { makeMember } from '../fakes.js';
import { afterSalesWorld, CUSTOMER } from './after-sales-world.js';

const otherRep = makeMember('00000000000000000000a0ff', { name: '别组', roles: ['rep'] });

describe('getComplaint', () => {
  it('shows a complaint to its customer’s rep, its assignee and the centre, and to nobody else', async () => {
    const w = afterSalesWorld();
    const { complaint } = await raiseComplaint(w.deps, w.rep, {
      customerId: CUSTOMER,
      orderNumber: 'SO-1001',
      category: '设备故障',
      description: '设备无法开机',
    });
    await assignComplaint(w.deps, w.manager, { complaint: complaint.code, assigneeId: w.ids.staff });
    for (const caller of [w.rep, w.staff, w.manager]) {
      const seen = await getComplaint(w.deps, caller, { complaint: 'ts-1001' });
      expect(seen.complaint.id).toBe(complaint.id);
      expect(seen.tasks.map((t) => t.code)).toEqual(['T-1001']);
    }
    for (const caller of [memberCaller(w.org, otherRep, 'zh-CN'), w.staff2]) {
      const error = await getComplaint(w.deps, caller, { complaint: 'TS-1001' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe('COMPLAINT_NOT_FOUND');
    }
  });
});

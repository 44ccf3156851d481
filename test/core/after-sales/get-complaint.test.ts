import { describe, expect, it } from 'vitest';
import {
  assignComplaint,
  getComplaint,
  listComplaints,
  raiseComplaint,
} from '../../../src/core/after-sales/index.js';
import { memberCaller } from '../../../src/core/org/caller.js';
import { DomainError } from '../../../src/core/shared/errors.js';
import { teamId } from '../../../src/core/shared/ids.js';
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

  it('shows a sales manager their teams’ customers’ complaints, in the list and one by one alike', async () => {
    const w = afterSalesWorld();
    await raiseComplaint(w.deps, w.rep, {
      customerId: CUSTOMER,
      orderNumber: 'SO-1001',
      category: '设备故障',
      description: '设备无法开机',
    });
    const sales = (id: string, team: string, managed: string[] = []) =>
      memberCaller(
        w.org,
        makeMember(id, { name: `主管${id.slice(-2)}`, roles: ['manager'], teamId: teamId(team) }),
        'zh-CN',
        managed.map(teamId),
      );
    // The rep is on team-1: its manager sees it, and so does one running team-1 from elsewhere; team-2's does not.
    const seeing = [
      sales('00000000000000000000a0e1', 'team-1'),
      sales('00000000000000000000a0e2', 'team-9', ['team-1']),
    ];
    for (const caller of seeing) {
      expect((await listComplaints(w.deps, caller)).map((c) => c.code)).toEqual(['TS-1001']);
      expect((await getComplaint(w.deps, caller, { complaint: 'TS-1001' })).complaint.code).toBe('TS-1001');
    }
    const other = sales('00000000000000000000a0e3', 'team-2');
    expect(await listComplaints(w.deps, other)).toEqual([]);
    const error = await getComplaint(w.deps, other, { complaint: 'TS-1001' }).catch((e: unknown) => e);
    expect((error as DomainError).code).toBe('COMPLAINT_NOT_FOUND');
  });
});

import { describe, expect, it } from 'vitest';
import { changeStage, getCustomer, listCustomers } from '../../../src/core/customers/index.js';
import { teamId } from '../../../src/core/shared/ids.js';
import { makeMember } from '../fakes.js';
import { DIRECTOR, MANAGER, REP_A, REP_B, refusal } from '../lead-world.js';
import { AFTERSALES, DEAL, stageWorld } from './stage-world.js';

describe('listCustomers and getCustomer', () => {
  it('shows reps their own customers, managers their teams’, directors and after-sales (staff and centre) all', async () => {
    const w = stageWorld();
    const mine = await w.owned();
    const theirs = await w.owned({
      ownerId: REP_B.id,
      ownerName: REP_B.name,
      teamId: teamId('team-2'),
      contact: { name: '李四', phone: '13900000002' },
    });
    await changeStage(w.stageDeps, w.as(REP_A), { leadId: mine.id, to: '成交', deal: DEAL });
    const other = makeMember('00000000000000000000c002', { ...REP_B, teamId: teamId('team-2') });
    await changeStage(w.stageDeps, w.as(other), {
      leadId: theirs.id,
      to: '成交',
      deal: { ...DEAL, contractNo: 'HT-2' },
    });
    const names = async (who: Parameters<typeof w.as>[0]) =>
      (await listCustomers(w.stageDeps, w.as(who), { limit: 10 })).map((c) => c.leadId);
    expect(await names(REP_A)).toEqual([mine.id]);
    expect(await names(MANAGER)).toEqual([mine.id]);
    expect((await names(DIRECTOR)).sort()).toEqual([mine.id, theirs.id].sort());
    expect((await names(AFTERSALES)).sort()).toEqual([mine.id, theirs.id].sort());
    // The complaint centre too (as its customer export does): complaints come in on any customer's order.
    const centre = makeMember('00000000000000000000c006', { roles: ['aftersales_manager'] });
    expect((await names(centre)).sort()).toEqual([mine.id, theirs.id].sort());

    const [foreign] = await listCustomers(w.stageDeps, w.as(other), { limit: 10 });
    const hidden = await refusal(getCustomer(w.stageDeps, w.as(REP_A), { customerId: foreign!.id }));
    expect(hidden.code).toBe('CUSTOMER_NOT_FOUND');
    const seen = await getCustomer(w.stageDeps, w.as(DIRECTOR), { customerId: foreign!.id });
    expect(seen.orders.map((o) => o.contractNo)).toEqual(['HT-2']);
  });
});

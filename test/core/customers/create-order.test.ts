import { describe, expect, it } from 'vitest';
import { createOrder, type OrderDeps } from '../../../src/core/customers/index.js';
import { memberCaller } from '../../../src/core/org/caller.js';
import { teamId } from '../../../src/core/shared/ids.js';
import { makeMember } from '../fakes.js';
import { DIRECTOR, MANAGER, REP_A, refusal } from '../lead-world.js';
import { stageWorld } from './stage-world.js';

const ORDER = {
  number: 'SO-2024-017',
  customer: '上海云启',
  items: '服务器2台',
  amount: 48_000,
  contractNo: 'HT-2024-017',
  signedAt: '2026-03-01',
};
const OTHER_TEAM_REP = makeMember('00000000000000000000c0a1', {
  name: '外组',
  teamId: teamId(`${'0'.repeat(23)}f`),
});

function world() {
  const w = stageWorld({ members: [REP_A, MANAGER, DIRECTOR, OTHER_TEAM_REP] });
  const deps: OrderDeps = {
    customers: w.customers,
    orders: w.orders,
    members: w.deps.members,
    clock: w.clock,
  };
  return { ...w, deps };
}

describe('createOrder', () => {
  it('makes the customer by company name and the order, numbered as given, the signing day at the org’s midnight', async () => {
    const w = world();
    const { order, created } = await createOrder(w.deps, w.as(DIRECTOR), {
      order: { ...ORDER, owner: '张伟' },
    });
    expect(created).toBe(true);
    expect(order).toMatchObject({
      number: 'SO-2024-017',
      ownerId: REP_A.id,
      ownerName: '张伟',
      amount: 48_000,
    });
    // 2026-03-01 in Asia/Shanghai (UTC+8) begins at 16:00 UTC the day before.
    expect(order.signedAt.toISOString()).toBe('2026-02-28T16:00:00.000Z');
    expect(w.customers.all()).toEqual([
      expect.objectContaining({ name: '上海云启', intakeName: '上海云启', ownerId: REP_A.id }),
    ]);
  });

  it('completes the order on the retry after a crash between the customer and the order: one customer, one order', async () => {
    const w = world();
    const insert = w.orders.insertNumbered.bind(w.orders);
    let crashes = 1;
    w.orders.insertNumbered = async (o) => {
      if (crashes-- > 0) throw new Error('connection lost');
      return insert(o);
    };
    await expect(createOrder(w.deps, w.as(DIRECTOR), { order: ORDER })).rejects.toThrow('connection lost');
    expect(w.customers.all()).toHaveLength(1);
    const again = await createOrder(w.deps, w.as(DIRECTOR), { order: ORDER });
    expect(again.created).toBe(true);
    expect(w.customers.all()).toHaveLength(1);
    expect(w.orders.all().map((o) => o.customerId)).toEqual([w.customers.all()[0]!.id]);
  });

  it('makes one customer and one order when the same order is entered twice at once', async () => {
    const w = world();
    const both = await Promise.all([
      createOrder(w.deps, w.as(DIRECTOR), { order: ORDER }),
      createOrder(w.deps, w.as(DIRECTOR), { order: ORDER }),
    ]);
    expect(both.map((r) => r.created).sort()).toEqual([false, true]);
    expect(both[0]!.order.id).toBe(both[1]!.order.id);
    expect(w.customers.all()).toHaveLength(1);
    expect(w.orders.all()).toHaveLength(1);
  });

  it('refuses the same number with other content, naming it, and an Idempotency-Key reused for another order', async () => {
    const w = world();
    await createOrder(w.deps, w.as(DIRECTOR), { order: ORDER, requestKey: 'k-1' });
    const taken = await refusal(createOrder(w.deps, w.as(DIRECTOR), { order: { ...ORDER, amount: 1 } }));
    expect(taken).toMatchObject({ code: 'ORDER_NUMBER_TAKEN', details: { number: 'SO-2024-017' } });
    const reused = await refusal(
      createOrder(w.deps, w.as(DIRECTOR), {
        order: { ...ORDER, number: 'SO-2', contractNo: 'HT-2' },
        requestKey: 'k-1',
      }),
    );
    expect(reused).toMatchObject({ code: 'ORDER_KEY_REUSED', details: { number: 'SO-2024-017' } });
    expect(w.orders.all()).toHaveLength(1);
  });

  it('lets a manager enter orders for their own team only, and no rep at all', async () => {
    const w = world();
    const manager = memberCaller(w.org, MANAGER, 'zh-CN');
    const own = await createOrder(w.deps, manager, { order: { ...ORDER, owner: REP_A.id } });
    expect(own.order.ownerId).toBe(REP_A.id);
    const other = { ...ORDER, number: 'SO-9', contractNo: 'HT-9', owner: OTHER_TEAM_REP.id };
    expect((await refusal(createOrder(w.deps, manager, { order: other }))).code).toBe('FORBIDDEN');
    expect((await refusal(createOrder(w.deps, w.as(REP_A), { order: ORDER }))).code).toBe('FORBIDDEN');
    const nobody = { ...other, owner: '查无此人' };
    expect((await refusal(createOrder(w.deps, w.as(DIRECTOR), { order: nobody }))).code).toBe(
      'ORDER_OWNER_NOT_FOUND',
    );
  });
});

import type { AfterSalesDeps } from '../../../src/core/after-sales/ports.js';
import { type Caller, memberCaller } from '../../../src/core/org/caller.js';
import type { Org } from '../../../src/core/org/types.js';
import { fixedClock } from '../../../src/core/shared/clock.js';
import { customerId, memberId, type OrgId, orderId } from '../../../src/core/shared/ids.js';
import { FakeComplaintRepository } from '../fake-complaint-repository.js';
import { FakeAfterSalesFigures, FakeAfterSalesOrders, FakeTaskRepository } from '../fake-task-repository.js';
import { FakeMemberRepository, FakeNotifier, makeMember, makeOrg } from '../fakes.js';

export const T0 = new Date('2026-03-02T02:00:00Z');
export const CUSTOMER = customerId('00000000000000000000c001');
export const OTHER_CUSTOMER = customerId('00000000000000000000c002');

/** The cast of the after-sales story: a manager, two staff, the sales rep who owns the customer, and its orders. */
export function afterSalesWorld(org: Org = makeOrg()) {
  const manager = makeMember('00000000000000000000a001', { name: '高峰', roles: ['aftersales_manager'] });
  const manager2 = makeMember('00000000000000000000a002', { name: '韩梅', roles: ['aftersales_manager'] });
  const staff = makeMember('00000000000000000000a003', { name: '许亮', roles: ['aftersales'] });
  const staff2 = makeMember('00000000000000000000a004', { name: '唐雪', roles: ['aftersales'] });
  const rep = makeMember('00000000000000000000a005', { name: '王芳', roles: ['rep'] });
  const members = new FakeMemberRepository([manager, manager2, staff, staff2, rep]);
  const tasks = new FakeTaskRepository(members);
  const orders = new FakeAfterSalesOrders(
    [
      order('SO-1001', CUSTOMER, '上海云启', '服务器 2 台', rep.id),
      order('SO-1002', CUSTOMER, '上海云启', '交换机', rep.id),
      order('SO-1003', OTHER_CUSTOMER, '杭州新程', '存储', undefined),
    ],
    tasks,
  );
  const complaints = new FakeComplaintRepository();
  const notifier = new FakeNotifier();
  const clock = fixedClock(T0);
  const seqs = new Map<string, number>();
  const deps: AfterSalesDeps = {
    complaints,
    tasks,
    orders,
    members,
    notifier,
    clock,
    counters: {
      async reserve(org: OrgId, name: string, count: number) {
        const at = (seqs.get(`${org}:${name}`) ?? 0) + count;
        seqs.set(`${org}:${name}`, at);
        return at - count + 1;
      },
    },
  };
  const as = (m: typeof manager): Caller => memberCaller(org, m, 'zh-CN');
  return {
    org,
    deps,
    complaints,
    tasks,
    notifier,
    clock,
    figures: new FakeAfterSalesFigures(tasks, complaints),
    manager: as(manager),
    manager2: as(manager2),
    staff: as(staff),
    staff2: as(staff2),
    rep: as(rep),
    ids: { manager: manager.id, staff: staff.id, staff2: staff2.id, rep: rep.id },
  };
}

function order(number: string, customer: typeof CUSTOMER, name: string, items: string, owner?: string) {
  return {
    id: orderId(`0000000000000000000${number.slice(3)}0`),
    number,
    customerId: customer,
    customerName: name,
    items,
    amount: 120_000,
    contractNo: `HT${number.slice(3)}`,
    signedAt: new Date('2026-01-15T00:00:00Z'),
    ...(owner ? { ownerId: memberId(owner), ownerName: '王芳' } : {}),
  };
}

export const HOUR = 3_600_000;

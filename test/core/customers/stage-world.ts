import type { StageDeps } from '../../../src/core/customers/index.js';
import type { Lead } from '../../../src/core/leads/index.js';
import { FakePendingCustomers } from '../fake-customer-pending.js';
import { FakeCustomerRepository } from '../fake-customer-repository.js';
import { FakeOrderRepository } from '../fake-order-repository.js';
import { makeMember } from '../fakes.js';
import { AT, DIRECTOR, leadWorld, MANAGER, REP_A, REP_B } from '../lead-world.js';

export const AFTERSALES = makeMember('00000000000000000000c005', { name: '周售后', roles: ['aftersales'] });
export const DAY = 86_400_000;

/** The lead world with the customers domain's fakes, and a lead REP_A holds (claimed, in 沟通's predecessor 线索). */
export function stageWorld(options: Parameters<typeof leadWorld>[0] = {}) {
  const w = leadWorld({ members: [REP_A, REP_B, MANAGER, DIRECTOR, AFTERSALES], ...options });
  const customers = new FakeCustomerRepository();
  const orders = new FakeOrderRepository();
  const pendingCustomers = new FakePendingCustomers(w.leads);
  const deps: StageDeps = {
    leads: w.leads,
    customers,
    orders,
    pendingCustomers,
    members: w.deps.members,
    notifier: w.notifier,
    clock: w.clock,
  };
  return {
    ...w,
    stageDeps: deps,
    customers,
    orders,
    pendingCustomers,
    /** A lead REP_A claimed, with a company: what a 成交 turns into a customer. */
    owned: (overrides: Partial<Lead> = {}) =>
      w.store({
        status: 'claimed',
        ownerId: REP_A.id,
        ownerName: REP_A.name,
        claimedAt: AT,
        contact: { name: '王磊', phone: '13800000001', company: '星河科技' },
        ...overrides,
      }),
  };
}

export const QUOTE = { amount: 50_000, items: '服务器2台 + 安装' };
export const DEAL = { contractNo: 'HT-2026-001', amount: 48_000, signedAt: new Date('2026-03-02T00:00:00Z') };

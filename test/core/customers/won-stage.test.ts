import { describe, expect, it } from 'vitest';
import {
  changeStage,
  PENDING_CUSTOMER_GRACE_MS,
  type StageDeps,
  sweepPendingCustomers,
} from '../../../src/core/customers/index.js';
import type { Lead } from '../../../src/core/leads/index.js';
import { AT, REP_A, refusal } from '../lead-world.js';
import { AFTERSALES, DEAL, QUOTE, stageWorld } from './stage-world.js';

type World = ReturnType<typeof stageWorld>;

/** One customer, one order, the mark gone, and each hand-off posted once (by key) to the team and after-sales. */
async function expectFinished(w: World, lead: Lead) {
  expect(w.customers.all()).toHaveLength(1);
  expect(w.orders.all()).toHaveLength(1);
  const stored = await w.leads.get(w.org.id, lead.id);
  expect(stored?.stage?.customerPending).toBeUndefined();
  const keys = new Set(
    w.notifier
      .notices()
      .filter((n) => n.kind === 'customer.hand_off')
      .map((n) => n.idempotencyKey),
  );
  expect(keys.size).toBe(2);
}

/** The deps with one step that throws (a crash there) the first time it runs. */
function crashingAt(deps: StageDeps, step: 'customer' | 'order' | 'publish' | 'clear'): StageDeps {
  let crashed = false;
  const once =
    <A extends unknown[], R>(f: (...a: A) => Promise<R>) =>
    async (...a: A): Promise<R> => {
      if (!crashed) {
        crashed = true;
        throw new Error(`crash at ${step}`);
      }
      return f(...a);
    };
  const c = deps.customers;
  const o = deps.orders;
  const p = deps.pendingCustomers;
  return {
    ...deps,
    customers:
      step === 'customer'
        ? {
            ...c,
            newId: () => c.newId(),
            get: c.get.bind(c),
            list: c.list.bind(c),
            ensureForLead: once(c.ensureForLead.bind(c)),
            ensureByName: c.ensureByName.bind(c),
          }
        : c,
    orders:
      step === 'order'
        ? {
            newId: () => o.newId(),
            findByContract: o.findByContract.bind(o),
            get: o.get.bind(o),
            listByCustomer: o.listByCustomer.bind(o),
            ensure: once(o.ensure.bind(o)),
            findClashes: o.findClashes.bind(o),
            insertNumbered: o.insertNumbered.bind(o),
          }
        : o,
    notifier: step === 'publish' ? { publish: onceAfterFirst(deps) } : deps.notifier,
    pendingCustomers: step === 'clear' ? { pending: p.pending.bind(p), clear: once(p.clear.bind(p)) } : p,
  };
}

// The stage write publishes the lead card first; the crash is at the hand-off's publish, the second one.
function onceAfterFirst(deps: StageDeps) {
  let calls = 0;
  return async (...a: Parameters<StageDeps['notifier']['publish']>) => {
    calls++;
    if (calls === 2) throw new Error('crash at publish');
    return deps.notifier.publish(...a);
  };
}

describe('changeStage into 成交', () => {
  it('refuses 成交 without contract, amount and signing date', async () => {
    const w = stageWorld();
    const lead = await w.owned();
    const error = await refusal(changeStage(w.stageDeps, w.as(REP_A), { leadId: lead.id, to: '成交' }));
    expect((error.details.issues as { field: string }[]).map((i) => i.field)).toEqual([
      'deal.contractNo',
      'deal.amount',
      'deal.signedAt',
    ]);
    expect(w.customers.all()).toHaveLength(0);
  });

  it('makes the lead a customer with an order (the quote’s items), and hands it off to the team and after-sales', async () => {
    const w = stageWorld();
    const lead = await w.owned({
      status: 'assigned',
      followUpStatus: 'unfollowed',
      dueStep: 'nudge',
      dueAt: AT,
    });
    await changeStage(w.stageDeps, w.as(REP_A), { leadId: lead.id, to: '报价', quote: QUOTE });
    const won = await changeStage(w.stageDeps, w.as(REP_A), { leadId: lead.id, to: '成交', deal: DEAL });
    expect(won.customer).toMatchObject({ leadId: lead.id, name: '星河科技', ownerId: REP_A.id });
    expect(won.customer?.contacts).toEqual([lead.contact]);
    expect(won.order).toMatchObject({
      number: 'SO-1001',
      customerId: won.customer?.id,
      contractNo: DEAL.contractNo,
      amount: DEAL.amount,
      items: QUOTE.items,
      ownerId: REP_A.id,
    });
    expect(won.lead.customerId).toBe(won.customer?.id);
    expect(won.lead.stage?.deal).toMatchObject({ customerId: won.customer?.id, orderId: won.order?.id });
    expect(won.lead.plan).toBeUndefined();
    // The unfollowed ladder stops: a signed customer is not reclaimed to the pool.
    expect(won.lead).toMatchObject({ followUpStatus: 'following', status: 'claimed' });
    expect(won.lead.dueAt).toBeUndefined();
    const handOffs = w.notifier.notices().filter((n) => n.kind === 'customer.hand_off');
    expect(handOffs.map((n) => n.to)).toEqual([
      { kind: 'team', teamId: lead.teamId },
      { kind: 'member', memberId: AFTERSALES.id },
    ]);
    await expectFinished(w, lead);
  });

  it('answers a retried 成交 with the same customer and order, making no other', async () => {
    const w = stageWorld();
    const lead = await w.owned();
    const first = await changeStage(w.stageDeps, w.as(REP_A), { leadId: lead.id, to: '成交', deal: DEAL });
    const again = await changeStage(w.stageDeps, w.as(REP_A), { leadId: lead.id, to: '成交', deal: DEAL });
    expect(again).toMatchObject({ changed: false, customer: first.customer, order: first.order });
    await expectFinished(w, lead);
  });

  it('makes one customer and one order of two simultaneous 成交', async () => {
    const w = stageWorld();
    const lead = await w.owned();
    const both = await Promise.all(
      [1, 2].map(() => changeStage(w.stageDeps, w.as(REP_A), { leadId: lead.id, to: '成交', deal: DEAL })),
    );
    expect(both.every((r) => r.order?.number === 'SO-1001')).toBe(true);
    await expectFinished(w, lead);
  });

  it('refuses a contract number another lead’s order has', async () => {
    const w = stageWorld();
    const lead = await w.owned();
    const other = await w.owned({ contact: { name: '李四', phone: '13900000002' } });
    await changeStage(w.stageDeps, w.as(REP_A), { leadId: lead.id, to: '成交', deal: DEAL });
    const error = await refusal(
      changeStage(w.stageDeps, w.as(REP_A), { leadId: other.id, to: '成交', deal: DEAL }),
    );
    expect(error).toMatchObject({ code: 'CONTRACT_NO_TAKEN', details: { orderNumber: 'SO-1001' } });
  });

  for (const step of ['customer', 'order', 'publish', 'clear'] as const) {
    it(`finishes a 成交 that crashed at the ${step} step: the sweep makes one customer, one order, one hand-off`, async () => {
      const w = stageWorld();
      const lead = await w.owned();
      const crashing = crashingAt(w.stageDeps, step);
      await expect(
        changeStage(crashing, w.as(REP_A), { leadId: lead.id, to: '成交', deal: DEAL }),
      ).rejects.toThrow(`crash at ${step}`);
      const marked = await w.leads.get(w.org.id, lead.id);
      expect(marked?.stage).toMatchObject({ key: 'won', customerPending: true });
      // Within the grace time the sweep leaves it to the run in flight.
      expect(await sweepPendingCustomers(w.stageDeps)).toBe(0);
      w.clock.advance(PENDING_CUSTOMER_GRACE_MS);
      expect(await sweepPendingCustomers(w.stageDeps)).toBe(1);
      await expectFinished(w, lead);
      // Two sweeps later (two instances, a restart): nothing more.
      expect(await sweepPendingCustomers(w.stageDeps)).toBe(0);
      await expectFinished(w, lead);
    });
  }

  it('makes one customer and one order when two sweeps race over the same crashed 成交', async () => {
    const w = stageWorld();
    const lead = await w.owned();
    await expect(
      changeStage(crashingAt(w.stageDeps, 'customer'), w.as(REP_A), {
        leadId: lead.id,
        to: '成交',
        deal: DEAL,
      }),
    ).rejects.toThrow();
    w.clock.set(new Date(AT.getTime() + PENDING_CUSTOMER_GRACE_MS));
    await Promise.all([sweepPendingCustomers(w.stageDeps), sweepPendingCustomers(w.stageDeps)]);
    await expectFinished(w, lead);
  });
});

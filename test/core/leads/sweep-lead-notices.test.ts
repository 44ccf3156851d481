import { describe, expect, it } from 'vitest';
import { NOTICE_GRACE_MS, sweepLeadNotices } from '../../../src/core/leads/sweep-lead-notices.js';
import { claimLead } from '../../../src/core/pools/claim-lead.js';
import { FakeNotifier } from '../fakes.js';
import { leadWorld, REP_A } from '../lead-world.js';

describe('sweepLeadNotices', () => {
  it('publishes the card of a claim whose notices were lost in a crash, once', async () => {
    const w = leadWorld();
    const lead = await w.store();
    // The insert's own mark is swept first, so that only the claim's is left to find.
    w.clock.advance(NOTICE_GRACE_MS + 1);
    await sweepLeadNotices({ leads: w.leads, notifier: new FakeNotifier(), clock: w.clock });
    // The process dies between the claim's write and its publish.
    const dying = { publish: async () => Promise.reject(new Error('process killed')) };
    await expect(claimLead({ ...w.deps, notifier: dying }, w.as(REP_A), { leadId: lead.id })).rejects.toThrow(
      'process killed',
    );
    expect((await w.leads.get(w.org.id, lead.id))?.status).toBe('claimed');

    // Within the grace time the write is too fresh to call lost; after it, the sweep publishes and settles it.
    expect(await sweepLeadNotices({ leads: w.leads, notifier: w.notifier, clock: w.clock })).toBe(0);
    w.clock.advance(NOTICE_GRACE_MS + 1);
    expect(await sweepLeadNotices({ leads: w.leads, notifier: w.notifier, clock: w.clock })).toBe(1);
    const cards = w.notifier.notices().filter((n) => n.kind === 'lead.card');
    expect(cards.length).toBeGreaterThan(0);
    expect(cards.every((n) => n.idempotencyKey.includes(lead.id))).toBe(true);
    expect(await sweepLeadNotices({ leads: w.leads, notifier: w.notifier, clock: w.clock })).toBe(0);
  });

  it('leaves a lead marked when it changed again after the sweep read it', async () => {
    const w = leadWorld();
    const lead = await w.store();
    w.clock.advance(NOTICE_GRACE_MS + 1);
    const [read] = await w.leads.pending(w.clock.now(), 10);
    await w.leads.updateIf(
      w.org.id,
      lead.id,
      { version: 1 },
      { event: { type: 'nudged', at: w.clock.now() } },
    );
    await w.leads.settle([read!]);
    w.clock.advance(NOTICE_GRACE_MS + 1);
    expect((await w.leads.pending(w.clock.now(), 10)).map((l) => l.version)).toEqual([2]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countCommands, totalOf } from '../../scripts/bench/command-counter.js';
import { outboxNotifier } from '../../src/chat/outbox/outbox-notifier.js';
import { recordFollowUp } from '../../src/core/follow-ups/index.js';
import { intakeLead } from '../../src/core/leads/index.js';
import type { Lead } from '../../src/core/leads/lead-types.js';
import { apiCaller, memberCaller } from '../../src/core/org/caller.js';
import type { Org } from '../../src/core/org/types.js';
import { type CountedDemoApp, openCountedDemoApp } from './support/counted-demo-app.js';

// What one follow-up costs on the real driver (every `commandStarted` event, none excluded). Issue #12 item 8 asks
// at most 4 for a claimed lead: read the lead (find), insert the record (insert), the conditional write
// (findAndModify), the outbox (insert). The outbox sends a fifth for the card's `update` notice: its ordered
// bulkWrite that refreshes queued copies of the card (outbox-repository.ts enqueue), which every use-case that
// changes a shown card pays. The follow-up's own part is 3; the 5 are pinned here so any change shows.

let counted: CountedDemoApp;
let db: CountedDemoApp['db'];
let app: CountedDemoApp['app'];
let org: Org;
beforeAll(async () => {
  counted = await openCountedDemoApp();
  ({ db, app, org } = counted);
});
afterAll(() => counted?.close());

let phone = 13600002000;
/** A lead of the demo org, claimed by its owner, and the owner's caller. */
async function claimedLead(): Promise<{ lead: Lead; caller: ReturnType<typeof memberCaller> }> {
  const { lead } = await intakeLead(app.intakeDeps, apiCaller(org, ['admin']), {
    lead: { phone: String(++phone), region: '上海', source: 'api' },
  });
  await app.models.Lead.updateOne({ _id: lead.id }, { $set: { status: 'claimed', claimedAt: new Date() } });
  const owner = (await app.repos.members.list(org.id)).find((m) => m.id === lead.ownerId)!;
  // The intake's notices started a delivery run: it must be over before anything is counted.
  await app.outboxPump.idle();
  return { lead: (await app.repos.leads.get(org.id, lead.id))!, caller: memberCaller(org, owner, 'zh-CN') };
}

// The app's notifier writes the outbox and starts a delivery run; the run's commands are delivery's, not the
// follow-up's, so this one only writes (as the bench's does).
const deps = () => ({
  ...app.intakeDeps,
  notifier: outboxNotifier(app.repos.outbox, app.clock, () => {}),
  followUps: app.repos.followUps,
});
const input = (lead: Lead, requestKey: string) => ({
  leadId: lead.code ?? lead.id,
  channel: 'phone' as const,
  content: '客户要报价单',
  nextContactAt: new Date(app.clock.now().getTime() + 86_400_000),
  requestKey,
});

describe('database commands of one follow-up', () => {
  it('records a follow-up of a claimed lead in 4 commands (3 of its own, 1 of the outbox); its retry writes nothing', async () => {
    const { lead, caller } = await claimedLead();
    const counter = countCommands(db.connection);
    try {
      const mark = counter.mark();
      await recordFollowUp(deps(), caller, input(lead, 'cmd-1'));
      const first = counter.since(mark);
      // Read the lead, insert the record, the lead's conditional write, and the outbox's one bulk write (its
      // notices and the refresh of the card's queued copies, ordered by the lead's version).
      expect(first).toEqual({ find: 1, insert: 1, findAndModify: 1, update: 1 });
      expect(totalOf(first)).toBe(4);
      const again = counter.mark();
      const replay = await recordFollowUp(deps(), caller, input(lead, 'cmd-1'));
      expect(replay.replayed).toBe(true);
      // Read the lead, the insert the unique index refuses, the record found by its key: no write.
      expect(counter.since(again)).toEqual({ find: 2, insert: 1 });
    } finally {
      counter.stop();
    }
  });
});

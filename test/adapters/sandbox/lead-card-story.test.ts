import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepLeadNotices } from '../../../src/core/leads/sweep-lead-notices.js';
import { leadNoticeSweep } from '../../../src/storage/repositories/lead-notice-sweep.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';

// The whole path a rep sees: intake over HTTP → card in chat → clicks → the card changes everywhere it was shown.
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

type Msg = {
  id: string;
  conversation: string;
  card?: {
    title: string;
    status?: string;
    fields: { label: string; value: string }[];
    markdown?: string;
    buttons: { actionId: string; value: string }[];
  };
  text?: string;
};
type M = { id: string; name: string; team: string | null; roles: string[] };

const intake = (body: unknown) =>
  t.request('POST', '/api/v1/leads', body, { authorization: `Bearer ${t.token}` });
// Delivery waits on pacing and on posts still queued (an update waits for its card's post), so let time pass.
const inbox = async (member: string) => {
  for (let i = 0; i < 3; i++) {
    await t.app.outboxPump.runNow();
    t.app.clock.advance(2_000);
  }
  return (await t.request('GET', `/sandbox/api/messages?member=${member}`)).body as Msg[];
};
const click = (member: string, message: string, actionId: string, value: string) =>
  t.request('POST', '/sandbox/api/actions', { member, message, actionId, value });
const members = async () => (await t.request('GET', '/sandbox/api/members')).body as M[];
const cardOf = (msgs: Msg[], leadId: string) =>
  msgs.filter((m) => m.card?.buttons.some((b) => b.value === leadId) || m.card?.title.includes(leadId));

describe('a pool lead in the team channel', () => {
  it('is claimed from the channel by one rep; the channel card then shows the owner and keeps the phone masked', async () => {
    const res = await intake({
      name: '孙八',
      phone: '13912345678',
      company: '苏州工业园某公司',
      source: 'event',
      campaign: '上海展会',
    });
    const lead = res.body.lead;
    expect(lead.status).toBe('pooled');
    expect(lead.assignment.reasonCode).toBe('pool_strategy');
    const east = (await members()).filter((m) => m.team === '华东销售组' && m.roles.includes('rep'));
    const [first, second] = east;
    const channel = (await inbox(first!.id)).filter((m) => m.conversation === 'channel:east-china-sales');
    const poolCard = channel.find((m) => m.card?.buttons.some((b) => b.value === lead.id))!;
    expect(poolCard.card!.title).toContain('公海线索');
    expect(poolCard.card!.buttons.map((b) => b.actionId)).toEqual(['lead.claim']);
    expect(poolCard.card!.fields.find((f) => f.label === '手机')!.value).toBe('139****5678');

    const won = await click(first!.id, poolCard.id, 'lead.claim', lead.id);
    expect(won.body.ok).toBe(true);
    // The card has changed by now (no Claim button), so the latecomer types the claim instead.
    const lost = await t.request('POST', '/sandbox/api/commands', {
      member: second!.id,
      text: `/线索 领取 ${lead.id}`,
    });
    expect(lost.body.ok).toBe(false);
    expect(lost.body.replies[0].text).toContain(first!.name);

    const updated = (await inbox(second!.id)).find((m) => m.id === poolCard.id)!;
    expect(updated.card!.status).toBe(`已被 ${first!.name} 领取 · 未跟进`);
    expect(updated.card!.buttons).toEqual([]);
    expect(updated.card!.fields.find((f) => f.label === '手机')!.value).toBe('139****5678');
  });
});

describe('an assigned lead in the owner DM', () => {
  it('explains "why me", then releases to the pool with the card updated and a pool card posted', async () => {
    const res = await intake({ name: '周九', phone: '13822223333', region: '浙江', source: 'website' });
    const lead = res.body.lead;
    const dm = cardOf(await inbox(lead.ownerId), lead.id)[0]!;
    const why = await click(lead.ownerId, dm.id, 'lead.why', lead.id);
    expect(why.body.ok).toBe(true);
    const text = why.body.replies[0].card.markdown as string;
    expect(text).toContain('华东地区 → 华东销售组');
    expect(text).toContain('轮流分配');
    expect(text).toMatch(/第 \d \/ 4 位/);
    expect(text).toContain('王海峰（不是销售）');

    const other = (await members()).find(
      (m) => m.team === '华东销售组' && m.roles.includes('rep') && m.id !== lead.ownerId,
    )!;
    const notOwner = await click(other.id, dm.id, 'lead.release', lead.id);
    expect(notOwner.body.ok).toBe(false);
    const released = await click(lead.ownerId, dm.id, 'lead.release', lead.id);
    expect(released.body.ok).toBe(true);
    const after = (await inbox(lead.ownerId)).find((m) => m.id === dm.id)!;
    expect(after.card!.status).toContain('已释放');
    expect(after.card!.buttons).toEqual([]);
    const channel = (await inbox(other.id)).filter(
      (m) =>
        m.conversation === 'channel:east-china-sales' && m.card?.buttons.some((b) => b.value === lead.id),
    );
    expect(channel).toHaveLength(1);
    const stored = await t.request('GET', `/api/v1/leads/${lead.id}`, undefined, {
      authorization: `Bearer ${t.token}`,
    });
    expect(stored.body.lead.status).toBe('pooled');
    expect(stored.body.lead.history.at(-1)).toMatchObject({
      type: 'released',
      reason: { kind: 'card' },
      fromOwnerId: lead.ownerId,
    });
  });

  it('shows a lead and its history to its owner with /线索 ID, and refuses another team member', async () => {
    const res = await intake({ name: '吴十', phone: '13844445555', region: '江苏', source: 'api' });
    const lead = res.body.lead;
    const mine = await t.request('POST', '/sandbox/api/commands', {
      member: lead.ownerId,
      text: `/线索 ${lead.id}`,
    });
    expect(mine.body.ok).toBe(true);
    expect(mine.body.replies[0].card.markdown).toContain('归属记录');
    const bd = (await members()).find((m) => m.team === 'BD组' && m.roles.includes('rep'))!;
    const theirs = await t.request('POST', '/sandbox/api/commands', {
      member: bd.id,
      text: `/lead ${lead.id}`,
    });
    expect(theirs.body.ok).toBe(false);
  });
});

describe('notices after a crash', () => {
  it('publishes the card of a lead whose write was not followed by its notice, once', async () => {
    const res = await intake({ name: '崩溃', phone: '13866667777', region: '上海', source: 'api' });
    const lead = res.body.lead;
    // Simulate the crash: the lead is stored and marked, but its notices never reached the outbox.
    await t.app.models.OutboxEntry.deleteMany({ cardKey: `lead:${lead.id}` });
    expect(await t.app.models.Lead.countDocuments({ _id: lead.id, noticesPending: true })).toBe(1);
    const deps = { leads: leadNoticeSweep(t.app.models), notifier: t.app.notifier, clock: t.app.clock };
    expect(await sweepLeadNotices(deps)).toBe(0); // still inside the grace time: the request may be publishing
    t.app.clock.advance(60_000);
    expect(await sweepLeadNotices(deps)).toBeGreaterThanOrEqual(1);
    expect(await sweepLeadNotices(deps)).toBe(0);
    expect(await t.app.models.OutboxEntry.countDocuments({ cardKey: `lead:${lead.id}`, mode: 'post' })).toBe(
      1,
    );
    expect(cardOf(await inbox(lead.ownerId), lead.id)).toHaveLength(1);
  });
});

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app.js';

// The pools issue's story on the sandbox, with its clock: nudges, manager copy, reclaim, director approval.
let t: TestApp;
let phone = 13300005000;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());
beforeEach(async () => {
  await t.app.models.Member.updateMany({}, { $unset: { routing: 1 } });
});

type Card = {
  title: string;
  status?: string;
  markdown?: string;
  fields: { label: string; value: string }[];
  buttons: { actionId: string; label: string; value: string }[];
};
type Msg = { id: string; conversation: string; thread?: string; card?: Card; text?: string };
type M = { id: string; name: string; team: string | null; roles: string[] };

const auth = () => ({ authorization: `Bearer ${t.token}` });
const intake = async (body: Record<string, unknown>) =>
  (await t.request('POST', '/api/v1/leads', { phone: String(++phone), ...body }, auth())).body.lead;
const getLead = async (id: string) =>
  (await t.request('GET', `/api/v1/leads/${id}`, undefined, auth())).body.lead;
const advance = async (by: string) => {
  const res = await t.request('POST', '/sandbox/api/clock', { advance: by });
  expect(res.status).toBe(200);
  await flush();
};
const flush = async () => {
  for (let i = 0; i < 4; i++) {
    await t.app.outboxPump.runNow();
    t.app.clock.advance(1_500);
  }
};
const inbox = async (member: string) => {
  await flush();
  return (await t.request('GET', `/sandbox/api/messages?member=${member}`)).body as Msg[];
};
const members = async () => (await t.request('GET', '/sandbox/api/members')).body as M[];
const byName = async (name: string) => (await members()).find((m) => m.name === name)!;
const click = (member: string, message: string, actionId: string, value: string) =>
  t.request('POST', '/sandbox/api/actions', { member, message, actionId, value });
const say = (member: string, text: string) => t.request('POST', '/sandbox/api/commands', { member, text });
const cardsAbout = (msgs: Msg[], leadId: string) =>
  msgs.filter((m) => m.card?.buttons.some((b) => b.value.startsWith(leadId)) || m.card?.title);

describe('the escalation ladder of an unfollowed lead', () => {
  it('nudges the owner at 24 h, copies the manager at 36 h, reclaims to the pool at 48 h; another rep claims it', async () => {
    const lead = await intake({ name: '阶梯', region: '上海', source: 'api' });
    const owner = lead.ownerId as string;
    const manager = await byName('王海峰');

    await advance('23h');
    expect((await getLead(lead.id)).history.map((h: { type: string }) => h.type)).toEqual(['assigned']);
    await advance('1h');
    const nudge = (await inbox(owner)).find((m) => m.card?.title.startsWith('跟进提醒'));
    expect(nudge?.card?.markdown).toContain('回流公海');
    expect(nudge?.card?.buttons.map((b) => b.actionId)).toEqual(['lead.follow_up', 'lead.release']);

    await advance('12h');
    const copy = (await inbox(manager.id)).find((m) => m.card?.title.startsWith('未跟进线索'));
    // The manager acts by moving the lead (issue #11 item 7), not by following it up: 重新分配 only.
    expect(copy?.card?.buttons.map((b) => b.actionId)).toEqual(['lead.assign']);

    await advance('12h');
    const reclaimed = await getLead(lead.id);
    expect(reclaimed.status).toBe('pooled');
    expect(reclaimed.ownerId).toBeUndefined();
    const record = reclaimed.history.at(-1);
    expect(record).toMatchObject({
      type: 'reclaimed',
      release: { type: 'timeout', approval: 'auto', originalOwnerId: owner },
    });
    // The reminder no longer offers its buttons; the team channel has the pool card.
    expect((await inbox(owner)).find((m) => m.id === nudge!.id)?.card?.buttons).toEqual([]);
    const refused = await say(owner, `/线索 领取 ${lead.id}`);
    expect(refused.body.ok).toBe(false);
    expect(refused.body.replies[0].text).toContain('之前不能再领取');
    const other = (await members()).find(
      (m) => m.team === '华东销售组' && m.roles.includes('rep') && m.id !== owner,
    )!;
    const claimed = await say(other.id, `/线索 领取 ${lead.id}`);
    expect(claimed.body.ok).toBe(true);
    const after = await getLead(lead.id);
    expect(after).toMatchObject({ status: 'claimed', ownerId: other.id });
    expect(new Date(after.reclaimAt).getTime()).toBeGreaterThan(new Date(reclaimed.updatedAt).getTime());
  });

  it('stops the clock once the owner follows up', async () => {
    const lead = await intake({ region: '江苏', source: 'api' });
    await advance('10h');
    // The next contact lies beyond the 60 h below at any hour of the day ("3天后" is a day at 09:00, which could
    // fall inside them and add its reminder to the history).
    const ok = await say(lead.ownerId, `/跟进 ${lead.id} 电话 客户下周看方案 下次 7天后`);
    expect(ok.body.ok).toBe(true);
    await advance('60h');
    const stored = await getLead(lead.id);
    expect(stored).toMatchObject({ status: 'claimed', ownerId: lead.ownerId });
    expect(stored.history.map((h: { type: string }) => h.type)).toEqual(['assigned', 'followed_up']);
  });
});

describe('important leads go to the director', () => {
  it('at the deadline: an approval card in the team channel; approving moves it to the chosen rep and tells both in the thread', async () => {
    const lead = await intake({ region: '浙江', source: 'api', grade: 'important' });
    const owner = lead.ownerId as string;
    const director = await byName('陈思远');
    await advance('48h');
    const pending = await getLead(lead.id);
    expect(pending.ownerId).toBe(owner);
    expect(pending.history.at(-1)).toMatchObject({
      type: 'release_requested',
      release: { type: 'timeout', approval: 'pending' },
    });
    const card = (await inbox(director.id)).find(
      (m) => m.conversation === 'channel:east-china-sales' && m.card?.title.startsWith('重要线索回流审批'),
    )!;
    expect(card.card!.status).toBe('等待销售总监审批');
    const approveButtons = card.card!.buttons.filter((b) => b.actionId === 'lead.approve');
    expect(approveButtons).toHaveLength(2);
    const [, chosenId] = approveButtons[0]!.value.split(':');

    const rep = await click(owner, card.id, 'lead.approve', approveButtons[0]!.value);
    expect(rep.body.ok).toBe(false);
    const yes = await click(director.id, card.id, 'lead.approve', approveButtons[0]!.value);
    expect(yes.body.ok).toBe(true);

    const moved = await getLead(lead.id);
    expect(moved).toMatchObject({ status: 'claimed', ownerId: chosenId });
    expect(moved.history.at(-1)).toMatchObject({
      type: 'release_approved',
      release: { approval: 'approved', decidedBy: director.id, newOwnerId: chosenId },
    });
    const channel = await inbox(director.id);
    expect(channel.find((m) => m.id === card.id)!.card!.buttons).toEqual([]);
    // The director's DM copy carried the same buttons, and the decision updated it too.
    const dmCopy = channel.find(
      (m) => m.conversation.startsWith('dm:') && m.card?.title.startsWith('重要线索回流审批'),
    );
    expect(dmCopy?.card?.status).toContain('已批准');
    expect(dmCopy?.card?.buttons).toEqual([]);
    const reply = channel.find((m) => m.thread && m.text?.includes('已批准'));
    expect(reply?.text).toContain(moved.ownerName);
    const newOwnerDm = (await inbox(chosenId!)).filter((m) =>
      m.card?.buttons.some((b) => b.value === lead.id),
    );
    expect(newOwnerDm.length).toBeGreaterThanOrEqual(1);
  });

  it('posts the approval in a thread under the lead’s channel card, and to the director by DM with the same buttons', async () => {
    const lead = await intake({ source: 'event', grade: 'important', name: '线程客户' });
    const director = await byName('陈思远');
    const rep = (await members()).find((m) => m.team === '华东销售组' && m.roles.includes('rep'))!;
    const pooled = await getLead(lead.id);
    const leadCard = (await inbox(rep.id)).find(
      (m) =>
        m.conversation === 'channel:east-china-sales' && m.card?.buttons.some((b) => b.value === lead.id),
    );
    expect(pooled.status).toBe('pooled');
    expect(leadCard).toBeDefined();
    expect((await say(rep.id, `/线索 领取 ${lead.id}`)).body.ok).toBe(true);
    await advance('48h');
    const msgs = await inbox(director.id);
    const approvals = msgs.filter((m) => m.card?.title === '重要线索回流审批：线程客户');
    const inThread = approvals.find((m) => m.conversation === 'channel:east-china-sales');
    expect(inThread?.thread).toBeDefined();
    expect(inThread?.thread).toContain(leadCard!.id);
    const dm = approvals.find((m) => m.conversation.startsWith('dm:'));
    expect(dm?.card?.buttons.map((b) => b.actionId)).toEqual(inThread?.card?.buttons.map((b) => b.actionId));
    expect((await click(director.id, dm!.id, 'lead.keep', lead.id)).body.ok).toBe(true);
    const after = await inbox(director.id);
    expect(after.find((m) => m.id === inThread!.id)?.card?.buttons).toEqual([]);
    expect(after.find((m) => m.id === dm!.id)?.card?.buttons).toEqual([]);
  });

  it('a manual release of an important lead waits for the director, who may keep it with its owner', async () => {
    const lead = await intake({ region: '上海', source: 'api', grade: 'important' });
    const owner = lead.ownerId as string;
    const release = await say(owner, `/线索 释放 ${lead.id} 客户要求换人`);
    expect(release.body.replies[0].text).toContain('总监审批');
    const director = await byName('陈思远');
    const card = (await inbox(director.id)).find((m) =>
      m.card?.buttons.some((b) => b.actionId === 'lead.keep' && b.value === lead.id),
    )!;
    // The director and the admin click at the same moment: one decision is taken, the other refused.
    const admin = await byName('周建国');
    const clicks = await Promise.all(
      [director.id, admin.id].map((who) => click(who, card.id, 'lead.keep', lead.id)),
    );
    expect(clicks.filter((c) => c.body.ok === true)).toHaveLength(1);
    const kept = await getLead(lead.id);
    expect(kept).toMatchObject({ ownerId: owner, followUpStatus: 'unfollowed' });
    expect(kept.history.at(-1)).toMatchObject({
      type: 'release_kept',
      release: { type: 'manual', approval: 'kept', applicantId: owner },
    });
    expect(kept.history.filter((h: { type: string }) => h.type === 'release_kept')).toHaveLength(1);
  });
});

describe('pool limits', () => {
  it('refuses the 4th pool claim of a day and says when it frees up; a new day allows it', async () => {
    const rep = (await members()).find((m) => m.team === '华东销售组' && m.roles.includes('rep'))!;
    const leads = [];
    for (let i = 0; i < 4; i++) leads.push(await intake({ source: 'event' }));
    for (let i = 0; i < 3; i++) expect((await say(rep.id, `/线索 领取 ${leads[i].id}`)).body.ok).toBe(true);
    const fourth = await say(rep.id, `/线索 领取 ${leads[3].id}`);
    expect(fourth.body.ok).toBe(false);
    expect(fourth.body.replies[0].text).toMatch(/已达上限（3 条），\d\d\/\d\d 00:00后可再领取/);
    await advance('24h');
    expect((await say(rep.id, `/线索 领取 ${leads[3].id}`)).body.ok).toBe(true);
  });

  it('shows the team pool with /公海 as claimable cards, phone masked', async () => {
    const lead = await intake({ source: 'event', name: '公海客户' });
    const rep = (await members()).find((m) => m.team === '华东销售组' && m.roles.includes('rep'))!;
    const res = await say(rep.id, '/公海');
    expect(res.body.ok).toBe(true);
    const card = res.body.replies.find((r: { card?: Card }) =>
      r.card?.buttons.some((b) => b.value === lead.id),
    ).card as Card;
    expect(card.buttons.map((b) => b.actionId)).toEqual(['lead.claim']);
    expect(card.fields.find((f) => f.label === '手机')!.value).toMatch(/^\d{3}\*{4}\d{4}$/);
  });
});

void cardsAbout;

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app.js';

// Issue 9 item 9: when the sandbox answers, what it caused is readable. No flush, sleep or poll between a call and
// the read that checks it: a script driving the sandbox sees the cards at once.
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

type Msg = {
  id: string;
  conversation: string;
  card?: { title: string; buttons: { actionId: string; value: string }[] };
};
const auth = () => ({ authorization: `Bearer ${t.token}` });
const messages = async (member: string) =>
  (await t.request('GET', `/sandbox/api/messages?member=${member}`)).body as Msg[];
const advance = async (by: string) => {
  const res = await t.request('POST', '/sandbox/api/clock', { advance: by });
  expect(res.status).toBe(200);
};
const titled = (msgs: Msg[], prefix: string) => msgs.filter((m) => m.card?.title.startsWith(prefix));

describe('the sandbox answers only once what it caused is delivered', () => {
  it('shows the nudge, the manager copy and the reclaimed card right after each clock move', async () => {
    const created = await t.request(
      'POST',
      '/api/v1/leads',
      { phone: '13300009001', name: '钟表', region: '上海', source: 'api' },
      auth(),
    );
    const lead = created.body.lead as { id: string; ownerId: string };
    await t.app.outboxPump.runNow(); // the API's own notices; the sandbox's calls are what is under test
    const members = (await t.request('GET', '/sandbox/api/members')).body as { id: string; name: string }[];
    const manager = members.find((m) => m.name === '王海峰')?.id ?? '';

    await advance('24h');
    const [nudge] = titled(await messages(lead.ownerId), '跟进提醒');
    expect(nudge?.card?.buttons.map((b) => b.actionId)).toEqual(['lead.follow_up', 'lead.release']);

    await advance('12h');
    expect(titled(await messages(manager), '未跟进线索')).toHaveLength(1);

    await advance('12h');
    // An update of a card already shown, delivered before the clock answered.
    const reminder = (await messages(lead.ownerId)).find((m) => m.id === nudge?.id);
    expect(reminder?.card?.buttons).toEqual([]);
  });

  it('shows the card a click changed right after the click answers', async () => {
    const created = await t.request(
      'POST',
      '/api/v1/leads',
      { phone: '13300009002', name: '点击', region: '上海', source: 'api' },
      auth(),
    );
    const lead = created.body.lead as { id: string; ownerId: string };
    await t.app.outboxPump.runNow();
    const card = (await messages(lead.ownerId)).find((m) =>
      m.card?.buttons.some((b) => b.actionId === 'lead.claim' && b.value === lead.id),
    );
    const click = await t.request('POST', '/sandbox/api/actions', {
      member: lead.ownerId,
      message: card?.id,
      actionId: 'lead.claim',
      value: lead.id,
    });
    expect(click.body).toMatchObject({ ok: true });
    const after = (await messages(lead.ownerId)).find((m) => m.id === card?.id);
    expect(after?.card?.buttons.map((b) => b.actionId)).not.toContain('lead.claim');
  });
});

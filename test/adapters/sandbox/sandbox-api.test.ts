import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const memberNamed = async (name: string) => {
  const { body } = await t.request('GET', '/sandbox/api/members');
  const member = body.find((m: { name: string }) => m.name === name);
  if (!member) throw new Error(`no member ${name}`);
  return member as { id: string; name: string; roles: string[]; team: string | null; level: string };
};

describe('sandbox API', () => {
  it('lists the demo org: three teams with a manager and three reps each, director, admin, after-sales', async () => {
    const { status, body } = await t.request('GET', '/sandbox/api/members');
    expect(status).toBe(200);
    expect(body).toHaveLength(17);
    for (const team of ['华东销售组', 'BD组', '直销组']) {
      const inTeam = body.filter((m: { team: string }) => m.team === team);
      expect(inTeam.filter((m: { roles: string[] }) => m.roles.includes('manager'))).toHaveLength(1);
      expect(inTeam.filter((m: { roles: string[] }) => m.roles.includes('rep'))).toHaveLength(3);
    }
    expect(body.some((m: { roles: string[] }) => m.roles.includes('director'))).toBe(true);
    expect(body.some((m: { roles: string[] }) => m.roles.includes('admin'))).toBe(true);
    expect(body.filter((m: { roles: string[] }) => m.roles.includes('aftersales'))).toHaveLength(3);
  });

  it('shows each member their welcome status card, and a click updates that same card', async () => {
    const rep = await memberNamed('李娜');
    const before = await t.request('GET', `/sandbox/api/messages?member=${rep.id}`);
    const card = before.body.find((m: { card?: { title: string } }) => m.card?.title === '我的状态');
    expect(card.card.status).toBe('在岗，可接收线索');
    expect(card.card.buttons).toEqual([
      { actionId: 'member.set_availability', label: '我要休假', value: 'on_leave' },
    ]);

    const click = await t.request('POST', '/sandbox/api/actions', {
      member: rep.id,
      message: card.id,
      actionId: 'member.set_availability',
    });
    expect(click.status).toBe(200);
    expect(click.body.ok).toBe(true);
    expect(click.body.replies[0].text).toContain('休假');

    const after = await t.request('GET', `/sandbox/api/messages?member=${rep.id}`);
    const updated = after.body.find((m: { id: string }) => m.id === card.id);
    expect(updated.card.status).toBe('休假中，暂停分配线索');
    expect(updated.card.buttons[0]).toMatchObject({ label: '我已回岗', value: 'available' });
    expect(after.body.filter((m: { card?: { title: string } }) => m.card?.title === '我的状态')).toHaveLength(
      1,
    );
    expect((await memberNamed('李娜')) as unknown).toMatchObject({ id: rep.id });
  });

  it('processes a retried click (same event id) once', async () => {
    const rep = await memberNamed('张伟');
    const { body } = await t.request('GET', `/sandbox/api/messages?member=${rep.id}`);
    const card = body.find((m: { card?: { title: string } }) => m.card?.title === '我的状态');
    const click = {
      member: rep.id,
      message: card.id,
      actionId: 'member.set_availability',
      eventId: 'evt-retry-1',
    };
    const first = await t.request('POST', '/sandbox/api/actions', click);
    const retry = await t.request('POST', '/sandbox/api/actions', click);
    expect(first.body.ok).toBe(true);
    expect(retry.body).toMatchObject({ ok: true, duplicate: true, replies: [] });
    const members = await t.request('GET', '/sandbox/api/members');
    expect(members.body.find((m: { id: string }) => m.id === rep.id).availability).toBe('on_leave');
  });

  it('answers /help and its Chinese alias in the member language, and refuses unknown text', async () => {
    const rep = await memberNamed('孙磊');
    for (const text of ['/help', '帮助', '／帮助']) {
      const { body } = await t.request('POST', '/sandbox/api/commands', { member: rep.id, text });
      expect(body.ok).toBe(true);
      expect(body.replies[0].card.title).toBe('Leadrelay 命令');
    }
    const unknown = await t.request('POST', '/sandbox/api/commands', { member: rep.id, text: 'hello bot' });
    expect(unknown.body.ok).toBe(false);
    expect(unknown.body.replies[0].text).toContain('不认识的命令');
    // /工时 is enabled now (issue #13); a sales rep works no tasks, so it is refused, not asked about.
    const hours = await t.request('POST', '/sandbox/api/commands', { member: rep.id, text: '/工时' });
    expect(hours.body.ok).toBe(false);
    expect(hours.body.replies[0].text).toContain('没有权限');
  });

  it('shows team channels only to their members, and all channels to the director', async () => {
    const director = await memberNamed('陈思远');
    const rep = await memberNamed('何晨');
    await t.request('POST', '/sandbox/api/commands', {
      member: rep.id,
      text: '/help',
      conversation: 'channel:direct-sales',
    });
    const refused = await t.request('POST', '/sandbox/api/commands', {
      member: rep.id,
      text: '/help',
      conversation: 'channel:bd',
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details.issues[0].field).toBe('conversation');
    const seenByDirector = await t.request('GET', `/sandbox/api/messages?member=${director.id}`);
    expect(
      seenByDirector.body.some((m: { conversation: string }) => m.conversation === 'channel:direct-sales'),
    ).toBe(true);
    const other = await memberNamed('孙磊');
    const seenByOther = await t.request('GET', `/sandbox/api/messages?member=${other.id}`);
    expect(
      seenByOther.body.some((m: { conversation: string }) => m.conversation === 'channel:direct-sales'),
    ).toBe(false);
  });

  it('lists the conversations a member is in, team channels included before anything is posted', async () => {
    const rep = await memberNamed('刘洋');
    const { body } = await t.request('GET', `/sandbox/api/conversations?member=${rep.id}`);
    expect(body).toEqual([
      { id: `dm:${rep.id}`, name: 'DM' },
      { id: 'channel:east-china-sales', name: '华东销售组' },
    ]);
  });

  it('names every bad field of a request at once', async () => {
    const { status, body } = await t.request('POST', '/sandbox/api/actions', { member: 5 });
    expect(status).toBe(400);
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.details.issues.map((i: { field: string }) => i.field).sort()).toEqual([
      'actionId',
      'member',
      'message',
    ]);
  });

  it('moves the app clock forward and refuses a malformed duration', async () => {
    const before = await t.request('GET', '/sandbox/api/clock');
    const moved = await t.request('POST', '/sandbox/api/clock', { advance: '25h' });
    expect(moved.status).toBe(200);
    expect(Date.parse(moved.body.now) - Date.parse(before.body.now)).toBeGreaterThanOrEqual(25 * 3600_000);
    const bad = await t.request('POST', '/sandbox/api/clock', { advance: 'soon' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.issues[0].field).toBe('advance');
  });
});

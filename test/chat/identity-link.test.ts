import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatEvent } from '../../src/chat/events.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// The one-time link: an unknown Slack user asks, an admin approves, and from then on the user acts as the member.
let t: TestApp;
let n = 0;
beforeAll(async () => {
  t = await startTestApp();
  await t.request(
    'PATCH',
    '/api/v1/org/chat',
    { platform: 'slack', workspaceId: 'T0LINK' },
    { authorization: `Bearer ${t.token}` },
  );
});
afterAll(() => t.close());

const user = (userId: string) => ({ platform: 'slack' as const, workspaceId: 'T0LINK', userId });
const command = (userId: string, text: string): ChatEvent => {
  const [name = '', ...args] = text.split(' ');
  return {
    type: 'command',
    eventId: `e${++n}`,
    user: user(userId),
    command: name,
    args,
    rawText: `/${text}`,
  };
};
const click = (userId: string, actionId: string, value: string): ChatEvent => ({
  type: 'action',
  eventId: `e${++n}`,
  user: user(userId),
  actionId,
  value,
});

describe('linking a chat account to a member', () => {
  it('answers an unknown user politely, takes their request, and links them once an admin approves', async () => {
    const before = await t.app.registry.dispatch(command('U_NEW', 'lead'));
    expect(before.ok).toBe(false);
    expect(before.replies[0]!.text).toContain('/绑定');

    const nobody = await t.app.registry.dispatch(command('U_NEW', 'link 不存在的人'));
    expect(nobody.ok).toBe(false);
    const asked = await t.app.registry.dispatch(command('U_NEW', 'link 张伟'));
    expect(asked.ok).toBe(true);
    expect(asked.replies[0]!.text).toContain('张伟');
    const request = await t.app.models.OutboxEntry.findOne({
      kind: 'member.link_request',
      mode: 'post',
    }).lean();
    expect(request?.data).toMatchObject({
      memberName: '张伟',
      platform: 'slack',
      userId: 'U_NEW',
      state: 'pending',
    });

    // The admin acts from Slack too: give them their Slack identity first (configured identity).
    const admin = (await t.app.repos.members.list(t.orgId as never)).find((m) => m.roles.includes('admin'))!;
    await t.app.repos.members.setIdentities(admin.orgId, admin.id, [
      ...admin.identities,
      { platform: 'slack', userId: 'U_ADMIN' },
    ]);
    const rep = await t.app.registry.dispatch(
      click(
        'U_NEW',
        'member.link_approve',
        `${(request!.data as { memberId: string }).memberId}|slack|U_NEW`,
      ),
    );
    expect(rep.ok).toBe(false);
    const approved = await t.app.registry.dispatch(
      click(
        'U_ADMIN',
        'member.link_approve',
        `${(request!.data as { memberId: string }).memberId}|slack|U_NEW`,
      ),
    );
    expect(approved.ok).toBe(true);

    const after = await t.app.registry.dispatch(command('U_NEW', 'lead'));
    expect(after.ok).toBe(true);
    const again = await t.app.registry.dispatch(command('U_NEW', 'link 张伟'));
    expect(again.replies[0]!.text).toContain('已绑定');
    const welcome = await t.app.models.OutboxEntry.findOne({
      kind: 'member.link_request',
      'to.memberId': (request!.data as { memberId: string }).memberId,
    }).lean();
    expect(welcome).not.toBeNull();
  });
});

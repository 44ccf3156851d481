import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeSlackApi, startFakeSlackApi } from '../adapters/slack/support/fake-slack-api.js';
import type { TestApp } from '../support/test-app.js';
import { memberNamed, startSlackOrg } from './support/platform-apps.js';
import { api, pumpUntil } from './support/story.js';
import { slackClick, slackCommand } from './support/task-steps-slack.js';

// The offboarding story on Slack through its real receiver (signed requests, the fake Web API): /member leave typed
// by the admin, the confirmation's 确认 clicked, the result answered, and one hand-over card in the receiver's DM.

const ADMIN = 'U0ADMIN';
const LINA = 'U0LINA';
let fake: FakeSlackApi;
let t: TestApp;
let phone = 13900083000;

beforeAll(async () => {
  fake = await startFakeSlackApi();
  t = await startSlackOrg(fake);
}, 60_000);
afterAll(async () => {
  await t?.close();
  await fake?.close();
});

type Block = { type: string; text?: { text: string }; elements?: { action_id?: string; value?: string }[] };
const blocksOf = (c: { params: Record<string, unknown> }) => (c.params.blocks ?? []) as Block[];

describe('Slack: /member leave … to …, confirmed', () => {
  it('shows the confirmation, acts on 确认, and sends the receiver one card', async () => {
    const admin = await memberNamed(t, '周建国');
    const lina = await memberNamed(t, '李娜');
    for (const [member, user] of [
      [admin, ADMIN],
      [lina, LINA],
    ] as const) {
      const identities = [{ platform: 'slack', userId: user }];
      expect((await api(t, 'PUT', `/members/${member.id}/identities`, { identities })).status).toBe(200);
    }
    for (let i = 0; i < 2; i++) {
      const made = await api(t, 'POST', '/leads', {
        phone: String(++phone),
        region: '上海',
        source: 'website',
      });
      await api(t, 'POST', `/leads/${made.body.lead.code}:assign`, { to: '张伟', force: true });
    }
    await t.app.outboxPump.runNow();
    const open = await t.app.models.Lead.countDocuments({
      ownerName: '张伟',
      status: { $in: ['assigned', 'claimed'] },
    });
    fake.calls.length = 0;

    await slackCommand(t, fake, ADMIN, '/member', 'leave 张伟 to 李娜');
    let confirmCall: (typeof fake.calls)[number] | undefined;
    await pumpUntil(
      t,
      async () => {
        confirmCall = fake.calls.find((c) => JSON.stringify(blocksOf(c)).includes('member.leave_confirm'));
        return confirmCall !== undefined;
      },
      'the confirmation card',
    );
    expect(JSON.stringify(blocksOf(confirmCall!))).toContain(`确认：张伟离职，${open} 条线索交给李娜？`);
    const yes = blocksOf(confirmCall!)
      .flatMap((b) => b.elements ?? [])
      .find((e) => e.action_id === 'member.leave_confirm')!;
    await slackClick(
      t,
      fake,
      ADMIN,
      { channel: `D${ADMIN}`, ts: '1700000000.000100', status: undefined, buttons: [] },
      yes.action_id!,
      yes.value!,
    );
    await pumpUntil(
      t,
      async () => fake.calls.some((c) => String(c.params.text ?? '').startsWith('张伟已离职：')),
      'the result',
    );
    await pumpUntil(
      t,
      async () =>
        fake.callsTo('chat.postMessage').some((c) => JSON.stringify(blocksOf(c)).includes('张伟离职')),
      'the hand-over card',
    );
    const cards = fake
      .callsTo('chat.postMessage')
      .filter((c) => JSON.stringify(blocksOf(c)).includes('张伟离职'));
    expect(cards).toHaveLength(1);
    expect(JSON.stringify(blocksOf(cards[0]!))).toContain(`张伟离职，${open} 条线索已交接给你`);
    expect(
      await t.app.models.Lead.countDocuments({ ownerName: '张伟', status: { $in: ['assigned', 'claimed'] } }),
    ).toBe(0);
  }, 120_000);
});

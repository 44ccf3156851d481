import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../support/test-app.js';
import { dingtalkDriver } from './support/dingtalk-driver.js';
import { sandboxDriver } from './support/sandbox-driver.js';
import { slackDriver } from './support/slack-driver.js';
import {
  connectOrg,
  expectClaimedBy,
  intakeShanghaiLead,
  type PlatformDriver,
  pumpUntil,
} from './support/story.js';
import { wecomDriver } from './support/wecom-driver.js';

// One story on every chat platform: a lead comes in over HTTP, its card reaches the owner on the platform, the
// owner clicks Claim there, and the same card is changed on the platform. Each platform's fake API records what
// the service sent it; the lead's stored state says who has it.
describe.each<[string, () => PlatformDriver]>([
  ['sandbox', sandboxDriver],
  ['Slack', slackDriver],
  ['DingTalk', dingtalkDriver],
  ['WeCom', wecomDriver],
])('%s: intake → card to the owner → Claim → card updated', (_name, makeDriver) => {
  const driver = makeDriver();
  let t: TestApp;
  beforeAll(async () => {
    t = await driver.start();
  });
  afterAll(async () => {
    await t?.close();
    await driver.close();
  });

  it('delivers the card, takes the click and redraws the card as claimed by its owner', async () => {
    const userIds = await connectOrg(t, driver);
    const story = await intakeShanghaiLead(t, userIds);

    await pumpUntil(t, () => driver.hasCard(t, story), 'the lead card');
    await driver.expectCard(t, story);

    await driver.clickClaim(t, story);
    await expectClaimedBy(t, story);

    await pumpUntil(t, () => driver.hasUpdate(t, story), 'the card update');
    await driver.expectUpdate(t, story);
    // Nothing more is on its way: another run sends nothing new and the outbox holds no undelivered entry.
    await t.app.outboxPump.runNow();
    await driver.expectUpdate(t, story);
    expect(await t.app.models.OutboxEntry.countDocuments({ status: { $ne: 'sent' } })).toBe(0);
  });
});

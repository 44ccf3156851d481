import { expect } from 'vitest';
import { SECRET as DINGTALK_SECRET } from '../../adapters/dingtalk/dingtalk-test-support.js';
import type { FakeDingtalkApi } from '../../adapters/dingtalk/fake-dingtalk-api.js';
import type { FakeSlackApi } from '../../adapters/slack/support/fake-slack-api.js';
import { TEST_SIGNING_SECRET } from '../../adapters/slack/support/slack-settings-for.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import { api } from './story.js';
import { SLACK_TEAM } from './task-steps-slack.js';

// One way to start the app on a real platform's receiver for an e2e story, so each story states only what differs
// (its DingTalk robot and card template) rather than a copy of the platform's settings.

const PUBLIC_URL = 'https://leadrelay.example';

/** The app with Slack's receiver, talking to `fake`, and the demo org moved to the fake's workspace. */
export async function startSlackOrg(fake: FakeSlackApi): Promise<TestApp> {
  const t = await startTestApp({
    platforms: {
      enabled: ['slack'],
      env: {
        SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
        SLACK_BOT_TOKEN: 'xoxb-e2e',
        SLACK_API_URL: fake.apiUrl,
      },
      publicUrl: PUBLIC_URL,
    },
  });
  await moveOrgTo(t, 'slack', SLACK_TEAM);
  return t;
}

export type DingtalkRobot = {
  /** The app's client id, also its robot code and the org's workspace id. */
  readonly clientId: string;
  readonly cardTemplateId: string;
  /** Images go to DingTalk's old OpenAPI host (media upload): point it at the fake too. */
  readonly withOapi?: boolean;
};

/** The app with DingTalk's HTTP receiver for `robot`, talking to `fake`, the demo org moved to the robot. */
export async function startDingtalkOrg(fake: FakeDingtalkApi, robot: DingtalkRobot): Promise<TestApp> {
  const t = await startTestApp({
    platforms: {
      enabled: ['dingtalk'],
      env: {
        DINGTALK_MODE: 'http',
        DINGTALK_CLIENT_ID: robot.clientId,
        DINGTALK_CLIENT_SECRET: DINGTALK_SECRET,
        DINGTALK_ROBOT_CODE: robot.clientId,
        DINGTALK_CARD_TEMPLATE_ID: robot.cardTemplateId,
        DINGTALK_API_URL: fake.url,
        ...(robot.withOapi ? { DINGTALK_OAPI_URL: fake.url } : {}),
      },
      publicUrl: PUBLIC_URL,
    },
  });
  await moveOrgTo(t, 'dingtalk', robot.clientId);
  return t;
}

async function moveOrgTo(t: TestApp, platform: 'slack' | 'dingtalk', workspaceId: string): Promise<void> {
  expect((await api(t, 'PATCH', '/org/chat', { platform, workspaceId })).status).toBe(200);
}

export type E2eMember = { id: string; name: string; roles: string[] };

/** The demo org's member of that name, from the API; a story naming someone not there fails at once. */
export async function memberNamed(t: TestApp, name: string): Promise<E2eMember> {
  const found = ((await api(t, 'GET', '/members')).body.members as E2eMember[]).find((m) => m.name === name);
  if (!found) throw new Error(`no member named ${name} in the demo org`);
  return found;
}

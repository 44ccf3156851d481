import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slackSignature } from '../../src/adapters/slack/verify-slack-signature.js';
import { zhCN } from '../../src/chat/texts/zh-cn.js';
import { type FakeSlackApi, startFakeSlackApi } from '../adapters/slack/support/fake-slack-api.js';
import { TEST_SIGNING_SECRET } from '../adapters/slack/support/slack-settings-for.js';
import type { TestApp } from '../support/test-app.js';
import { memberNamed, startSlackOrg } from './support/platform-apps.js';
import { api, pumpUntil } from './support/story.js';
import { SLACK_TEAM } from './support/task-steps-slack.js';

// /token on Slack through its real receiver (signed requests, the fake Web API): made with the slash command in the
// bot's DM and answered through the response_url, used on the HTTP API, revoked; refused in a channel; a message.im
// retried by Slack (same event_id) makes one token and shows its secret once.

const T = zhCN.tokens;
const USER = 'U0TOKENREP';
let fake: FakeSlackApi;
let t: TestApp;
let seq = 0;

beforeAll(async () => {
  fake = await startFakeSlackApi();
  t = await startSlackOrg(fake);
  const rep = await memberNamed(t, '李娜');
  const identities = [{ platform: 'slack', userId: USER }];
  expect((await api(t, 'PUT', `/members/${rep.id}/identities`, { identities })).status).toBe(200);
}, 60_000);
afterAll(async () => {
  await t?.close();
  await fake?.close();
});

/** Signed as Slack signs (https://docs.slack.dev/authentication/verifying-requests-from-slack), with the real time. */
async function postSigned(body: string, type: string, headers: Record<string, string> = {}): Promise<number> {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const response = await fetch(`${t.baseUrl}/slack/events`, {
    method: 'POST',
    headers: {
      'content-type': type,
      'x-slack-request-timestamp': timestamp,
      'x-slack-signature': slackSignature(TEST_SIGNING_SECRET, timestamp, body),
      ...headers,
    },
    body,
  });
  await response.text();
  return response.status;
}

/** `/token …` as Slack posts a slash command (https://docs.slack.dev/interactivity/implementing-slash-commands). */
async function slash(text: string, channel = `D${USER}`): Promise<string> {
  const id = `token-${++seq}`;
  const fields = {
    command: '/token',
    text,
    team_id: SLACK_TEAM,
    user_id: USER,
    channel_id: channel,
    trigger_id: `4000.${id}.e2e`,
    response_url: fake.responseUrl(id),
  };
  // The fake records response_url posts in order, not by url: the answer is the first one after those seen so far.
  const before = fake.callsTo('response_url').length;
  expect(await postSigned(new URLSearchParams(fields).toString(), 'application/x-www-form-urlencoded')).toBe(
    200,
  );
  await pumpUntil(
    t,
    async () => fake.callsTo('response_url').length > before,
    `the answer to /token ${text}`,
  );
  await t.app.background.idle();
  const answers = fake.callsTo('response_url').slice(before);
  expect(answers).toHaveLength(1);
  return String(answers[0]?.params.text);
}

/** A message typed in the bot's DM (message.im), as the Events API posts it; `retry` as Slack's redelivery. */
function dmMessage(eventId: string, text: string, retry?: number): Promise<number> {
  const body = JSON.stringify({
    type: 'event_callback',
    team_id: SLACK_TEAM,
    api_app_id: 'A0E2E',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    event: {
      type: 'message',
      channel_type: 'im',
      channel: `D${USER}`,
      user: USER,
      text,
      ts: `${Math.floor(Date.now() / 1000)}.000${++seq}`,
    },
  });
  const headers = retry ? { 'x-slack-retry-num': String(retry), 'x-slack-retry-reason': 'http_timeout' } : {};
  return postSigned(body, 'application/json', headers);
}

const secretIn = (text: string | undefined) => /\blr_[\w-]{20,}/.exec(text ?? '')?.[0];
const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });

describe('Slack: /token in the bot’s DM', () => {
  it('makes a token through the signed slash command, uses it, revokes it', async () => {
    const made = await slash('new CRM同步');
    const secret = secretIn(made);
    expect(secret, made).toBeDefined();
    const stored = await t.app.models.ApiToken.findOne({ name: 'CRM同步' }).lean();
    expect(made).toBe(T.created({ name: 'CRM同步', prefix: stored!.prefix, secret: secret! }));
    // Answered privately through the response_url: nothing posted to a channel, and nothing of ours keeps it.
    expect(fake.callsTo('chat.postMessage').some((c) => JSON.stringify(c.params).includes(secret!))).toBe(
      false,
    );
    const db = t.app.models.Lead.db.db!;
    for (const { name } of await db.listCollections().toArray()) {
      const docs = await db.collection(name).find({}).toArray();
      expect(JSON.stringify(docs).includes(secret!), `a copy of the secret in ${name}`).toBe(false);
    }

    const own = await t.request('GET', '/api/v1/tokens', undefined, bearer(secret!));
    expect(own.status).toBe(200);
    expect(own.body.tokens.map((x: { name: string }) => x.name)).toEqual(['CRM同步']);
    expect(await slash('list')).toContain(`· CRM同步 · 前缀 ${stored!.prefix} · 创建于 `);

    expect(await slash(`revoke ${stored!.prefix}`)).toBe(T.revoked('CRM同步', stored!.prefix));
    expect((await t.request('GET', '/api/v1/tokens', undefined, bearer(secret!))).status).toBe(401);
  }, 120_000);

  it('refuses in a channel, where the answer is ephemeral but the command still does nothing', async () => {
    expect(await slash('new 频道里的令牌', 'C0EASTSALES')).toBe(T.dmOnly);
    expect(await t.app.models.ApiToken.countDocuments({ name: '频道里的令牌' })).toBe(0);
  }, 60_000);

  it('makes one token when Slack redelivers the DM message, and shows the secret once', async () => {
    fake.calls.length = 0;
    expect(await dmMessage('Ev0TOKENRETRY1', 'token new 重试的令牌')).toBe(200);
    expect(await dmMessage('Ev0TOKENRETRY1', 'token new 重试的令牌', 1)).toBe(200);
    const withSecret = () =>
      fake.callsTo('chat.postMessage').filter((c) => secretIn(String(c.params.text ?? '')) !== undefined);
    await pumpUntil(t, async () => withSecret().length > 0, 'the DM answer with the secret');
    expect(await dmMessage('Ev0TOKENRETRY1', 'token new 重试的令牌', 2)).toBe(200);
    await t.app.background.idle();
    expect(await t.app.models.ApiToken.countDocuments({ name: '重试的令牌' })).toBe(1);
    expect(withSecret()).toHaveLength(1);
    expect(withSecret()[0]?.params.channel).toBe(`D${USER}`);
  }, 60_000);
});

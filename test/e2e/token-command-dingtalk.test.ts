import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zhCN } from '../../src/chat/texts/zh-cn.js';
import { type FakeDingtalkApi, startFakeDingtalkApi } from '../adapters/dingtalk/fake-dingtalk-api.js';
import type { TestApp } from '../support/test-app.js';
import { memberNamed, startDingtalkOrg } from './support/platform-apps.js';
import { api, pumpUntil } from './support/story.js';
import { dingtalkAnswered, dingtalkSay } from './support/task-steps-dingtalk.js';

// /令牌 on DingTalk through its real HTTP robot callback (signed, the fake OpenAPI): made in the member's 1:1 chat
// with the robot and answered there with the secret once, used on the HTTP API, revoked (then 401); sent in a group,
// where DingTalk would still answer in the 1:1 chat, nothing is done.

const T = zhCN.tokens;
const CLIENT_ID = 'dinge2etoken01';
const REP = 'repToken01';
let fake: FakeDingtalkApi;
let t: TestApp;
let repId: string;

beforeAll(async () => {
  fake = await startFakeDingtalkApi();
  t = await startDingtalkOrg(fake, { clientId: CLIENT_ID, cardTemplateId: 'e2e0c0de-token-card.schema' });
  const rep = await memberNamed(t, '李娜');
  repId = rep.id;
  const identities = [{ platform: 'dingtalk', userId: REP }];
  expect((await api(t, 'PUT', `/members/${rep.id}/identities`, { identities })).status).toBe(200);
}, 60_000);
afterAll(async () => {
  await t?.close();
  await fake?.close();
});

/** The robot's plain answers to the rep, in order. */
const answersToRep = () =>
  fake
    .callsTo('/v1.0/robot/oToMessages/batchSend')
    .filter((c) => (c.body.userIds as string[] | undefined)?.includes(REP))
    .map((c) => (JSON.parse(String(c.body.msgParam ?? '{}')) as { content?: string }).content ?? '');

const ownTokens = () =>
  t.app.models.ApiToken.countDocuments({ memberId: repId, revokedAt: { $exists: false } });

describe('/令牌 on DingTalk', () => {
  it('makes a token in the 1:1 chat, shows its secret once, and revokes it', async () => {
    await dingtalkSay(t, REP, CLIENT_ID, '/令牌 新建 钉钉脚本');
    let created: string | undefined;
    await pumpUntil(
      t,
      async () => {
        created = answersToRep().find((text) => text.startsWith('已新建 API 令牌「钉钉脚本」'));
        return created !== undefined;
      },
      'the new token’s answer',
    );
    const secret = /lr_[A-Za-z0-9_-]+/.exec(created ?? '')?.[0];
    expect(secret).toBeDefined();
    expect(await ownTokens()).toBe(1);
    const asToken = { authorization: `Bearer ${secret}` };
    expect((await t.request('GET', '/api/v1/permissions', undefined, asToken)).status).toBe(200);
    // The secret went to the 1:1 chat once, in that answer only.
    expect(answersToRep().filter((text) => text.includes(secret ?? '-'))).toHaveLength(1);

    await dingtalkSay(t, REP, CLIENT_ID, '/令牌 撤销 钉钉脚本');
    await pumpUntil(
      t,
      async () => answersToRep().some((text) => text.startsWith('已撤销令牌「钉钉脚本」')),
      'the revoke’s answer',
    );
    expect((await t.request('GET', '/api/v1/permissions', undefined, asToken)).status).toBe(401);
    expect(await ownTokens()).toBe(0);
  });

  it('does nothing when sent in a group, and says to use the 1:1 chat', async () => {
    const before = await ownTokens();
    await dingtalkSay(t, REP, CLIENT_ID, '/令牌 新建 群里的令牌', { group: true });
    await dingtalkAnswered(t, fake, REP, T.dmOnly);
    expect(await ownTokens()).toBe(before);
    expect(answersToRep().some((text) => text.includes('群里的令牌'))).toBe(false);
  });
});

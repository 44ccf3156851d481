import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zhCN } from '../../src/chat/texts/zh-cn.js';
import { type FakeDingtalkApi, startFakeDingtalkApi } from '../adapters/dingtalk/fake-dingtalk-api.js';
import { type FakeSlackApi, startFakeSlackApi } from '../adapters/slack/support/fake-slack-api.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { memberNamed, startDingtalkOrg, startSlackOrg } from './support/platform-apps.js';
import { sandboxMessages } from './support/sandbox-messages.js';
import { api, pumpUntil } from './support/story.js';
import { say } from './support/task-steps.js';
import { dingtalkAnswered, dingtalkSay } from './support/task-steps-dingtalk.js';
import { slackAnswered, slackCommand } from './support/task-steps-slack.js';

// Issue #14 item 4 on the real stack: /报表 typed in the sandbox by a director, a manager, a rep and an after-sales
// manager, each answered with the card their role allows (drawn at delivery, its charts as images in the DM), the
// refusals and bad words answered in plain words; then /report on Slack, the charts uploaded to Slack.

const H = 3_600_000;
const r = zhCN.report;
let t: TestApp;
let phone = 13900007000;

type Member = { id: string; name: string; roles: string[] };
type Shown = {
  id: string;
  conversation: string;
  card?: { title: string; status?: string; markdown?: string; fields: { label: string; value: string }[] };
  images?: { src: string; alt: string; width: number; height: number }[];
};

const members = async (app: TestApp) => (await api(app, 'GET', '/members')).body.members as Member[];

/** Leads taken in for Shanghai (routed round robin to 华东销售组's reps), the first followed up two hours later. */
async function activity(app: TestApp) {
  const leads = [];
  for (let i = 0; i < 3; i++) {
    const body = { phone: String(++phone), region: '上海', source: 'website', campaign: '双十二' };
    const res = await api(app, 'POST', '/leads', body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    leads.push(res.body.lead as { code: string; ownerId: string });
  }
  app.app.clock.advance(2 * H);
  const next = new Date(app.app.clock.now().getTime() + 24 * H).toISOString();
  const followed = await api(app, 'POST', `/leads/${leads[0]?.code}/follow-ups`, {
    channel: 'phone',
    content: '聊过，有意向',
    nextContactAt: next,
  });
  expect(followed.status, JSON.stringify(followed.body)).toBe(201);
  return leads;
}

/** Types /报表 … as the member and waits for the card whose title starts with `title` in their DM. */
async function reportFor(member: Member, text: string, title: string): Promise<Shown> {
  const before = new Set((await sandboxMessages(t, member.id)).map((m) => m.id));
  const answer = await say(t, member.id, text);
  expect(answer.replies).toEqual([{ text: r.command.working }]);
  let found: Shown | undefined;
  await pumpUntil(
    t,
    async () => {
      const shown = (await sandboxMessages(t, member.id)) as Shown[];
      found = shown.find((m) => !before.has(m.id) && m.card?.title.startsWith(title));
      return found !== undefined;
    },
    `${member.name}'s card “${title}”`,
  );
  expect(found?.conversation).toBe(`dm:${member.id}`);
  return found as Shown;
}

const everything = (m: Shown) =>
  [
    m.card?.title,
    m.card?.status,
    m.card?.markdown,
    ...(m.card?.fields ?? []).flatMap((f) => [f.label, f.value]),
    ...(m.images ?? []).map((i) => i.alt),
  ].join('\n');

beforeAll(async () => {
  t = await startTestApp();
  await activity(t);
});
afterAll(() => t?.close());

describe('/报表 in the sandbox', () => {
  it('a director gets the org: teams side by side, the funnel and the heat map, as images with their numbers', async () => {
    const director = await memberNamed(t, '陈思远');
    const card = await reportFor(director, '/报表', '报表 · 全公司');
    expect(card.card?.status).toMatch(/^分配 3 · 未跟进率 \d+% · 响应中位 2 小时 · 成交 0 \/ ¥0$/);
    expect(card.card?.markdown).toContain('**华东销售组** — 分配 3');
    expect(card.images?.map((i) => i.alt.split('：')[0])).toEqual([
      '未跟进率 · 全公司',
      '响应时间中位数 · 全公司',
      '销售漏斗 · 全公司',
      '回访热力图（星期 × 时段） · 全公司',
    ]);
    expect(card.images?.[1]?.alt).toContain('华东销售组 2 小时');
    for (const image of card.images ?? []) {
      expect(image.src).toMatch(/^data:image\/png;base64,/);
      expect(image.width).toBe(800);
    }
  });

  it('a manager gets their team, reps ranked; another team is refused in plain words', async () => {
    const manager = await memberNamed(t, '王海峰');
    const card = await reportFor(manager, '/报表 本周', '报表 · 华东销售组');
    expect(card.card?.markdown).toContain(r.rankedTitle);
    expect(card.images?.[0]?.alt).toMatch(/^未跟进率 · 华东销售组：/);
    const refused = await say(t, manager.id, '/报表 BD组');
    expect(refused.replies).toEqual([{ text: r.command.forbiddenTeam('BD组') }]);
  });

  it('an empty period says so, with no charts', async () => {
    const manager = await memberNamed(t, '王海峰');
    const card = await reportFor(manager, '/报表 上周', '报表 · 华东销售组');
    expect(card.card?.status).toMatch(/没有新分配的线索。$/);
    expect(card.images ?? []).toEqual([]);
  });

  it("a rep sees their own figures beside the team's medians, never a colleague's name", async () => {
    const leads = (await api(t, 'GET', '/leads?limit=50')).body.leads as { ownerId?: string }[];
    const team = (await members(t)).filter((m) => ['李娜', '张伟', '刘洋'].includes(m.name));
    const rep = team.find((m) => leads.some((l) => l.ownerId === m.id)) ?? (team[0] as Member);
    const card = await reportFor(rep, '/report this week', `报表 · ${rep.name}`);
    const text = everything(card);
    expect(text).toContain('组中位');
    for (const other of team.filter((m) => m.id !== rep.id)) expect(text).not.toContain(other.name);
    const refused = await say(t, rep.id, '/报表 售后');
    expect(refused.replies).toEqual([{ text: r.command.forbiddenKind.afterSales }]);
    const other = await say(t, rep.id, '/报表 直销组');
    expect(other.replies).toEqual([{ text: r.command.forbiddenTeam('直销组') }]);
  });

  it('the channel table and the after-sales card', async () => {
    const director = await memberNamed(t, '陈思远');
    const channels = await reportFor(director, '/报表 渠道', '渠道报表 · 全公司');
    expect(channels.images?.[0]?.alt).toContain('活动：双十二 — 线索 3');
    const afterSales = await memberNamed(t, '高峰');
    const card = await reportFor(afterSales, '/报表 售后 本月', '售后报表 · 全公司');
    expect(card.card?.status).toMatch(/没有投诉|投诉 \d+/);
  });

  it("a platform's retry of the same command posts one card", async () => {
    const director = await memberNamed(t, '陈思远');
    const count = async () =>
      ((await sandboxMessages(t, director.id)) as Shown[]).filter((m) =>
        m.card?.title.startsWith('回访热力图'),
      ).length;
    const send = () =>
      t.request('POST', '/sandbox/api/commands', {
        member: director.id,
        text: '/报表 热力图',
        eventId: 'retry-1',
      });
    const [first, second] = await Promise.all([send(), send()]);
    expect([first.body.duplicate, second.body.duplicate].filter(Boolean)).toHaveLength(1);
    await pumpUntil(t, async () => (await count()) > 0, 'the heat map card');
    await t.app.outboxPump.runNow();
    expect(await count()).toBe(1);
  });

  it('answers unknown words with what is accepted', async () => {
    const manager = await memberNamed(t, '王海峰');
    const answer = await say(t, manager.id, '/报表 下周');
    expect(answer.replies).toEqual([{ text: r.command.unknown('下周', ['华东销售组']) }]);
    const two = await say(t, manager.id, '/报表 本周 上周');
    expect(two.replies).toEqual([{ text: r.command.tooMany }]);
  });
});

describe('/report on Slack: the card in the DM, its charts uploaded', () => {
  let fake: FakeSlackApi;
  let slack: TestApp;
  const DIRECTOR = 'U0DIRECTOR';
  beforeAll(async () => {
    fake = await startFakeSlackApi();
    slack = await startSlackOrg(fake);
  });
  afterAll(async () => {
    await slack?.close();
    await fake?.close();
  });

  it('acks, says it is coming, then posts the card with one uploaded image per chart', async () => {
    const director = await memberNamed(slack, '陈思远');
    const identities = [
      { platform: 'sandbox', userId: director.id },
      { platform: 'slack', userId: DIRECTOR },
    ];
    expect((await api(slack, 'PUT', `/members/${director.id}/identities`, { identities })).status).toBe(200);
    await activity(slack);
    fake.calls.length = 0;

    await slackCommand(slack, fake, DIRECTOR, '/report', '渠道');
    await slackAnswered(slack, fake, r.command.working);
    const isReport = (c: { method: string; params: Record<string, unknown> }) =>
      c.method === 'chat.postMessage' && JSON.stringify(c.params.blocks ?? '').includes('渠道报表');
    await pumpUntil(slack, async () => fake.calls.some(isReport), 'the report card');
    const post = fake.calls.find(isReport);
    expect(post?.params.channel).toBe(`D${DIRECTOR}`);
    const blocks = post?.params.blocks as { type: string; alt_text?: string; slack_file?: { id: string } }[];
    const images = blocks.filter((b) => b.type === 'image');
    expect(images).toHaveLength(1);
    expect(images[0]?.alt_text).toContain('活动：双十二 — 线索 3');
    expect(fake.callsTo('files.completeUploadExternal')).toHaveLength(1);
    expect(fake.callsTo('upload')[0]?.params).toMatchObject({ contentType: 'image/png' });
  });
});

describe('/报表 on DingTalk: the card to the robot chat, its chart as a media image after it', () => {
  const CLIENT_ID = 'dinge2ereport01';
  const DIRECTOR = 'directorR01';
  let fake: FakeDingtalkApi;
  let ding: TestApp;
  beforeAll(async () => {
    fake = await startFakeDingtalkApi();
    ding = await startDingtalkOrg(fake, {
      clientId: CLIENT_ID,
      cardTemplateId: 'e2e0c0de-report-card.schema',
      withOapi: true,
    });
  });
  afterAll(async () => {
    await ding?.close();
    await fake?.close();
  });

  it('answers that it is coming, delivers the card, uploads the table image and sends it', async () => {
    const director = await memberNamed(ding, '陈思远');
    const identities = [
      { platform: 'sandbox', userId: director.id },
      { platform: 'dingtalk', userId: DIRECTOR },
    ];
    expect((await api(ding, 'PUT', `/members/${director.id}/identities`, { identities })).status).toBe(200);
    await activity(ding);
    fake.calls.length = 0;

    await dingtalkSay(ding, DIRECTOR, CLIENT_ID, '报表 渠道');
    await dingtalkAnswered(ding, fake, DIRECTOR, r.command.working);
    const isImage = (c: { body: Record<string, unknown> }) => c.body.msgKey === 'sampleImageMsg';
    await pumpUntil(
      ding,
      async () => fake.callsTo('/v1.0/robot/oToMessages/batchSend').some(isImage),
      'the report image',
    );
    const card = fake
      .callsTo('/v1.0/card/instances/createAndDeliver')
      .find((c) => String(c.body.cardData?.cardParamMap?.title ?? '').startsWith('渠道报表'));
    expect(card?.body.openSpaceId).toBe(`dtv1.card//IM_ROBOT.${DIRECTOR}`);
    expect(fake.callsTo('/media/upload')).toHaveLength(1);
    const image = fake.callsTo('/v1.0/robot/oToMessages/batchSend').find(isImage);
    expect(image?.body.userIds).toEqual([DIRECTOR]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPORT_CARD_ACTIONS } from '../../src/chat/render/report-card.js';
import { dashboardTextsEn } from '../../src/chat/texts/dashboard-texts-en.js';
import { dashboardTextsZhCN } from '../../src/chat/texts/dashboard-texts-zh-cn.js';
import { zhCN } from '../../src/chat/texts/zh-cn.js';
import { type FakeSlackApi, startFakeSlackApi } from '../adapters/slack/support/fake-slack-api.js';
import { openLink } from '../http/dashboard-support.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { memberNamed, startSlackOrg } from './support/platform-apps.js';
import { type SandboxMsg, sandboxMessages } from './support/sandbox-messages.js';
import { api, pumpUntil } from './support/story.js';
import { click, say } from './support/task-steps.js';
import { slackClick, slackCommand } from './support/task-steps-slack.js';

// Issue #14: the report card's 打开看板 on the sandbox's real stack. The card carries no link; each click issues a
// fresh one-time link for whoever clicked, in their private reply (on Slack an ephemeral answer), and the card is
// left as it was.

type Member = { id: string; name: string };
let t: TestApp;
let manager: Member;
let card: SandboxMsg;

const linkIn = (answer: { replies: { text?: string }[] }) =>
  /\/dashboard\?t=([A-Za-z0-9_-]+)/.exec(answer.replies.map((r) => r.text ?? '').join('\n'))?.[1];
const press = (member: Member) => click(t, member.id, card, REPORT_CARD_ACTIONS.openDashboard);

beforeAll(async () => {
  t = await startTestApp();
  manager = await memberNamed(t, '王海峰');
  expect((await say(t, manager.id, '/报表')).replies).toEqual([{ text: zhCN.report.command.working }]);
  await pumpUntil(
    t,
    async () => {
      const found = (await sandboxMessages(t, manager.id)).find((m) => m.card?.title.startsWith('报表'));
      if (found) card = found;
      return found !== undefined;
    },
    'the report card',
  );
});
afterAll(() => t?.close());

describe('打开看板 on the report card', () => {
  it('is on the card, in both languages, with no link in it', () => {
    expect(card.card?.buttons).toEqual([{ actionId: 'dashboard.open', label: '打开看板', value: 'team' }]);
    expect(dashboardTextsZhCN.button).toBe('打开看板');
    expect(dashboardTextsEn.button).toBe('Open dashboard');
    expect(JSON.stringify(card)).not.toContain('/dashboard?t=');
  });

  it('gives the clicker a working link, a new one on each click, and leaves the card as it was', async () => {
    const first = await press(manager);
    const second = await press(manager);
    expect(first.ok).toBe(true);
    expect(first.replies[0]?.text).toContain('10 分钟内有效');
    const [a, b] = [linkIn(first), linkIn(second)];
    expect(a && b && a !== b).toBe(true);
    expect((await openLink(t, a as string)).status).toBe(204);
    expect((await openLink(t, b as string)).status).toBe(204);
    const after = (await sandboxMessages(t, manager.id)).find((m) => m.id === card.id);
    expect(after?.card).toEqual(card.card);
  });

  it('gives another member who clicks their own link, not the card owner’s', async () => {
    const [rep, colleague] = [await memberNamed(t, '李娜'), await memberNamed(t, '张伟')];
    const colleagueItems = `/api/v1/reports/items?figure=response&member=${colleague.id}`;
    const asRep = await openLink(t, linkIn(await press(rep)) as string);
    const asManager = await openLink(t, linkIn(await press(manager)) as string);
    expect([asRep.status, asManager.status]).toEqual([204, 204]);
    // The rep's session keeps to the rep (a colleague's leads are refused); the manager's sees the colleague's.
    expect((await t.request('GET', colleagueItems, undefined, { cookie: asRep.cookie })).status).toBe(403);
    expect((await t.request('GET', colleagueItems, undefined, { cookie: asManager.cookie })).status).toBe(
      200,
    );
  });

  it('tells a member whose role sees no figure so, in plain words, with no link', async () => {
    const answer = await press(await memberNamed(t, '许亮'));
    expect(answer.replies).toEqual([{ text: dashboardTextsZhCN.noFigures }]);
  });
});

describe('打开看板 on Slack: the link in an ephemeral answer to the clicker, the card left as it was', () => {
  const DIRECTOR = 'U0DASHDIR';
  let fake: FakeSlackApi;
  let slack: TestApp;
  beforeAll(async () => {
    fake = await startFakeSlackApi();
    slack = await startSlackOrg(fake);
  });
  afterAll(async () => {
    await slack?.close();
    await fake?.close();
  });

  it('posts the button, and a click answers only the clicker with a link that opens', async () => {
    const director = await memberNamed(slack, '陈思远');
    const identities = [
      { platform: 'sandbox', userId: director.id },
      { platform: 'slack', userId: DIRECTOR },
    ];
    expect((await api(slack, 'PUT', `/members/${director.id}/identities`, { identities })).status).toBe(200);
    await slackCommand(slack, fake, DIRECTOR, '/report', '渠道');
    const isReport = (c: { method: string; params: Record<string, unknown> }) =>
      c.method === 'chat.postMessage' && JSON.stringify(c.params.blocks ?? '').includes('渠道报表');
    await pumpUntil(slack, async () => fake.calls.some(isReport), 'the report card');
    const blocks = JSON.stringify(fake.calls.find(isReport)?.params.blocks);
    expect(blocks).toContain('"action_id":"dashboard.open"');
    expect(blocks).toContain('打开看板');

    const updates = fake.callsTo('chat.update').length;
    const card = { channel: `D${DIRECTOR}`, ts: '1700000000.000100', status: undefined, buttons: [] };
    await slackClick(slack, fake, DIRECTOR, card, 'dashboard.open', 'channels');
    const answered = () =>
      fake.calls.find((c) => c.method === 'response_url' && /dashboard\?t=/.test(String(c.params.text)));
    await pumpUntil(slack, async () => answered() !== undefined, 'the private link');
    const answer = answered()?.params as { text: string; response_type: string; replace_original: boolean };
    expect(answer).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(answer.text).toContain('/dashboard?t=');
    const token = /dashboard\?t=([A-Za-z0-9_-]+)/.exec(answer.text)?.[1] as string;
    expect((await openLink(slack, token)).status).toBe(204);
    expect(fake.callsTo('chat.update')).toHaveLength(updates);
  });
});

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cardBlocks } from '../../../src/adapters/slack/render-slack-card.js';
import { parseMessageRef, slackAdapter } from '../../../src/adapters/slack/slack-adapter.js';
import type { Card } from '../../../src/chat/card.js';
import { TransientDeliveryError } from '../../../src/chat/chat-adapter.js';
import { type FakeSlackApi, startFakeSlackApi } from './support/fake-slack-api.js';
import { slackSettingsFor } from './support/slack-settings-for.js';

const card: Card = {
  title: '新线索 L-7',
  status: '待领取',
  fields: [{ label: '公司', value: '华东机械' }],
  buttons: [{ actionId: 'lead.claim', label: '领取', value: 'L-7', style: 'primary' }],
};

let api: FakeSlackApi;
beforeAll(async () => {
  api = await startFakeSlackApi();
});
afterAll(() => api.close());
beforeEach(() => {
  api.calls.length = 0;
});

const adapter = () => slackAdapter(slackSettingsFor(api.apiUrl));

describe('slackAdapter.send', () => {
  it('opens a DM once per user, posts the card with its key as metadata and returns channel:ts', async () => {
    const slack = adapter();
    const first = await slack.send('T1', { kind: 'dm', userId: 'U1' }, { card }, 'outbox-1');
    await slack.send('T1', { kind: 'dm', userId: 'U1' }, { text: 'again' }, 'outbox-2');

    expect(api.calls.map((c) => c.method)).toEqual([
      'conversations.open',
      'chat.postMessage',
      'chat.postMessage',
    ]);
    expect(api.calls[0]?.params).toMatchObject({ users: 'U1' });
    const post = api.callsTo('chat.postMessage')[0];
    expect(post?.params).toMatchObject({
      channel: 'DU1',
      text: '新线索 L-7 — 待领取',
      blocks: cardBlocks(card),
      metadata: { event_type: 'leadrelay_outbox', event_payload: { key: 'outbox-1' } },
    });
    expect(post?.authorization).toBe('Bearer xoxb-test-token');
    expect(first.messageRef).toMatch(/^DU1:1718000000\.\d+$/);
    expect(first.threadRef).toBe(parseMessageRef(first.messageRef).ts);
  });

  it('posts to a channel, and into a thread given either the root ts or its messageRef', async () => {
    const slack = adapter();
    await slack.send('T1', { kind: 'channel', channelId: 'C1' }, { text: 'hi' }, 'k1');
    const reply = await slack.send(
      'T1',
      { kind: 'thread', channelId: 'C1', threadRef: 'C1:1718000000.000001' },
      { text: 'under it' },
      'k2',
    );
    await slack.send(
      'T1',
      { kind: 'thread', channelId: 'C1', threadRef: '1718000000.000001' },
      { text: 'x' },
      'k3',
    );

    const [plain, byRef, byTs] = api.callsTo('chat.postMessage');
    expect(plain?.params).toMatchObject({ channel: 'C1', text: 'hi' });
    expect(plain?.params.thread_ts).toBeUndefined();
    expect(byRef?.params).toMatchObject({ channel: 'C1', thread_ts: '1718000000.000001' });
    expect(byTs?.params).toMatchObject({ channel: 'C1', thread_ts: '1718000000.000001' });
    expect(reply.threadRef).toBe('1718000000.000001');
    expect(api.callsTo('conversations.open')).toHaveLength(0);
  });

  it('mentions the given users with <@U…> in front of the text, and of the first block next to a card', async () => {
    const slack = adapter();
    const thread = { kind: 'thread', channelId: 'C1', threadRef: 'C1:1718000000.000001' } as const;
    await slack.send('T1', thread, { text: '已批准 <转交>', mentionUserIds: ['U1', 'U2'] }, 'k1');
    await slack.send('T1', thread, { text: '请处理', card, mentionUserIds: ['U1'] }, 'k2');
    await slack.send('T1', thread, { card, mentionUserIds: ['U3'] }, 'k3');

    const [plain, withCard, cardOnly] = api.callsTo('chat.postMessage');
    expect(plain?.params).toMatchObject({ text: '<@U1> <@U2> 已批准 &lt;转交&gt;' });
    expect(plain?.params.blocks).toBeUndefined();
    expect(withCard?.params).toMatchObject({
      text: '<@U1> 请处理\n新线索 L-7 — 待领取',
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: '<@U1> 请处理' } }, ...cardBlocks(card)],
    });
    expect(cardOnly?.params).toMatchObject({
      text: '<@U3> 新线索 L-7 — 待领取',
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: '<@U3>' } }, ...cardBlocks(card)],
    });
  });
});

describe('slackAdapter.update and publishHome', () => {
  it('updates the message named by channel:ts', async () => {
    await adapter().update('T1', { kind: 'channel', channelId: 'C1' }, 'C1:1718000000.000123', { card });
    expect(api.callsTo('chat.update')[0]?.params).toMatchObject({
      channel: 'C1',
      ts: '1718000000.000123',
      blocks: cardBlocks(card),
    });
  });

  it('refuses a messageRef that is not channel:ts', async () => {
    await expect(
      adapter().update('T1', { kind: 'channel', channelId: 'C1' }, 'nope', { card }),
    ).rejects.toThrow(/not a Slack message reference/);
  });

  it('publishes a Home view for a user', async () => {
    await adapter().publishHome('U9', [{ type: 'section', text: { type: 'mrkdwn', text: 'hi' } }]);
    expect(api.callsTo('views.publish')[0]?.params).toMatchObject({
      user_id: 'U9',
      view: { type: 'home', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'hi' } }] },
    });
  });

  it('paces at 1.1 s per conversation on platform slack', () => {
    expect(adapter()).toMatchObject({ platform: 'slack', pacing: { perConversationMs: 1100 } });
  });
});

describe('slackAdapter errors', () => {
  const send = () => adapter().send('T1', { kind: 'channel', channelId: 'C1' }, { text: 'x' }, 'k');

  it('turns a 429 into a TransientDeliveryError with Slack’s Retry-After, without retrying itself', async () => {
    api.failNext('chat.postMessage', { status: 429, headers: { 'retry-after': '7' }, body: { ok: false } });
    const error = await send().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransientDeliveryError);
    expect((error as TransientDeliveryError).retryAfterMs).toBe(7000);
    expect(api.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('treats 5xx, `ratelimited` and network failures as transient', async () => {
    api.failNext('chat.postMessage', { status: 503, body: { ok: false } });
    await expect(send()).rejects.toBeInstanceOf(TransientDeliveryError);
    api.failNext('chat.postMessage', { status: 200, body: { ok: false, error: 'ratelimited' } });
    await expect(send()).rejects.toBeInstanceOf(TransientDeliveryError);
    const offline = slackAdapter(slackSettingsFor('http://127.0.0.1:1/api/'));
    await expect(
      offline.send('T1', { kind: 'channel', channelId: 'C1' }, { text: 'x' }, 'k'),
    ).rejects.toBeInstanceOf(TransientDeliveryError);
  });

  it('passes other platform errors through as they are', async () => {
    api.failNext('chat.postMessage', { status: 200, body: { ok: false, error: 'channel_not_found' } });
    const error = await send().catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(TransientDeliveryError);
    expect((error as Error).message).toContain('channel_not_found');
  });
});

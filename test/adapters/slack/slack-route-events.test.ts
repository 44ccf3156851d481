import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { cardBlocks } from '../../../src/adapters/slack/render-slack-card.js';
import { useTestModels } from '../support/real-stores.js';
import { type FakeSlackApi, startFakeSlackApi } from './support/fake-slack-api.js';
import {
  claimedCard,
  fixture,
  leadCard,
  type SlackHarness,
  startSlackHarness,
} from './support/slack-harness.js';

const { inboundEvents } = useTestModels();

let api: FakeSlackApi;
let slack: SlackHarness;
beforeAll(async () => {
  api = await startFakeSlackApi();
});
afterAll(() => api.close());
beforeEach(async () => {
  api.calls.length = 0;
  slack = await startSlackHarness(api, inboundEvents());
});
afterEach(() => slack.close());

describe('POST /slack/events: DMs', () => {
  it('runs a command typed in the bot’s DM and posts the card there', async () => {
    expect((await slack.postJson(fixture('message-im-lead.json'))).status).toBe(200);
    await vi.waitFor(() => expect(api.callsTo('chat.postMessage')).toHaveLength(1));
    expect(slack.dispatch).toHaveBeenCalledWith({
      type: 'command',
      eventId: 'slack:Ev07LEADDM01',
      user: { platform: 'slack', workspaceId: 'T0LEADRLY', userId: 'U0REPWANG' },
      command: 'lead',
      args: ['L-12'],
      rawText: 'lead L-12',
    });
    expect(api.callsTo('chat.postMessage')[0]?.params).toMatchObject({
      channel: 'D0DMWANG',
      text: '线索 L-12 — 待领取',
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: '线索 L-12', emoji: true } },
        { type: 'context', elements: [{ type: 'mrkdwn', text: '待领取' }] },
        { type: 'section', fields: [{ type: 'mrkdwn', text: '*公司*\n华东机械' }] },
        {
          type: 'actions',
          elements: [
            {
              type: 'button',
              text: { type: 'plain_text', text: '领取', emoji: true },
              action_id: 'lead.claim',
              value: 'L-12',
              style: 'primary',
            },
          ],
        },
      ],
      metadata: { event_type: 'leadrelay_outbox', event_payload: { key: 'slack:Ev07LEADDM01:reply:0' } },
    });
    // authorize is given, so Bolt never asks Slack who the bot is.
    expect(api.callsTo('auth.test')).toEqual([]);
  });

  it('handles Slack’s retry of the same event (X-Slack-Retry-Num, same event_id) once', async () => {
    const event = fixture('message-im-lead.json');
    await slack.postJson(event);
    await vi.waitFor(() => expect(api.callsTo('chat.postMessage')).toHaveLength(1));
    const retry = await slack.postJson(event, {
      headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' },
    });
    expect(retry.status).toBe(200);
    // The dedupe is before the registry now (dispatchAndReply): the retry is a claim on a handled event.
    await vi.waitFor(() => expect(slack.inboundEvents.begin).toHaveBeenCalledTimes(2));
    expect(await slack.inboundEvents.begin.mock.results[1]?.value).toEqual({ outcome: 'done' });
    await slack.background.idle();
    expect(slack.dispatch).toHaveBeenCalledTimes(1);
    expect(slack.leadCommand).toHaveBeenCalledTimes(1);
    expect(api.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('ignores the bot’s own posts in its DM', async () => {
    const event = fixture('message-im-lead.json');
    const own = { ...event, event_id: 'Ev07OWN', event: { ...(event.event as object), bot_id: 'B0LEADBOT' } };
    expect((await slack.postJson(own)).status).toBe(200);
    expect(slack.dispatch).not.toHaveBeenCalled();
  });

  it('still answers 200 when dispatch fails (Slack would only retry it) and logs the error', async () => {
    slack.dispatch.mockRejectedValueOnce(new Error('database down'));
    const response = await slack.postJson({ ...fixture('message-im-lead.json'), event_id: 'Ev07FAIL' });
    expect(response.status).toBe(200);
    await vi.waitFor(() => expect(slack.log.error).toHaveBeenCalled());
    expect(api.callsTo('chat.postMessage')).toEqual([]);
  });
});

describe('POST /slack/events: slash commands and clicks', () => {
  it('acks /lead at once and answers privately through the response_url', async () => {
    const command = { ...(fixture('slash-command-lead.json') as Record<string, string>) };
    command.response_url = api.responseUrl('cmd-1');
    const response = await slack.postForm(command);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
    await vi.waitFor(() => expect(api.callsTo('response_url')).toHaveLength(1));
    expect(slack.dispatch).toHaveBeenCalledWith(
      expect.objectContaining({
        type: 'command',
        eventId: `slack:command:${command.trigger_id}`,
        command: 'lead',
        args: ['L-12', '电话沟通 有意向'],
      }),
    );
    expect(api.callsTo('response_url')[0]?.params).toEqual({
      response_type: 'ephemeral',
      replace_original: false,
      text: '线索 L-12 — 待领取',
      blocks: cardBlocks(leadCard),
    });
  });

  it('acks a click, dispatches it with the clicked message, updates the card and answers privately', async () => {
    const click = { ...fixture('block-actions-claim.json'), response_url: api.responseUrl('act-1') };
    const response = await slack.postForm({ payload: JSON.stringify(click) });
    expect(response.status).toBe(200);
    await vi.waitFor(() => expect(api.callsTo('response_url')).toHaveLength(1));
    expect(slack.dispatch).toHaveBeenCalledWith({
      type: 'action',
      eventId: 'slack:1718000000.000100:lead.claim:U0REPWANG:1718000042.123456',
      user: { platform: 'slack', workspaceId: 'T0LEADRLY', userId: 'U0REPWANG' },
      actionId: 'lead.claim',
      value: 'L-12',
      messageRef: 'C0EASTSALES:1718000000.000100',
      // Issue #12: where it was clicked, and the trigger_id a handler may open a modal with.
      conversation: 'C0EASTSALES',
      formTrigger: '7262181419393.7136511920417.4b1c1d0c4f7d1a8c5a3f3d0d6a2b9e01',
    });
    expect(api.callsTo('chat.update')[0]?.params).toMatchObject({
      channel: 'C0EASTSALES',
      ts: '1718000000.000100',
      text: '线索 L-12 — 王芳 已领取',
      blocks: cardBlocks(claimedCard),
    });
    expect(api.callsTo('response_url')[0]?.params).toEqual({
      response_type: 'ephemeral',
      replace_original: false,
      text: '已领取 L-12',
    });
  });
});

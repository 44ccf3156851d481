import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { guideBlocks } from '../../../src/adapters/slack/slack-home.js';
import { textsFor } from '../../../src/chat/texts/texts-for.js';
import { useTestModels } from '../support/real-stores.js';
import { type FakeSlackApi, startFakeSlackApi } from './support/fake-slack-api.js';
import { fixture, openLeadLine, type SlackHarness, startSlackHarness } from './support/slack-harness.js';

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

/** The Home tab opened again (or by someone else): a new delivery, so a new event_id and event_ts. */
function homeOpened(eventId: string, eventTs: string, user = 'U0REPWANG'): Record<string, unknown> {
  const body = fixture('app-home-opened.json');
  return { ...body, event_id: eventId, event: { ...(body.event as object), user, event_ts: eventTs } };
}

const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text } });
const publishedBlocks = (index: number) =>
  (api.callsTo('views.publish')[index]?.params.view as { blocks: unknown[] } | undefined)?.blocks;

describe('POST /slack/events: the Home tab', () => {
  it('dispatches /lead for the member and publishes their open leads, then the guide', async () => {
    expect((await slack.postJson(fixture('app-home-opened.json'))).status).toBe(200);
    await vi.waitFor(() => expect(api.callsTo('views.publish')).toHaveLength(1));
    expect(slack.dispatch).toHaveBeenCalledWith({
      type: 'command',
      command: 'lead',
      args: [],
      rawText: '/lead',
      eventId: 'slack:home:U0REPWANG:1718000200.000300',
      user: { platform: 'slack', workspaceId: 'T0LEADRLY', userId: 'U0REPWANG' },
    });
    expect(api.callsTo('views.publish')[0]?.params).toMatchObject({
      user_id: 'U0REPWANG',
      view: { type: 'home' },
    });
    expect(publishedBlocks(0)).toEqual([section(openLeadLine), { type: 'divider' }, ...guideBlocks()]);
  });

  it('tells a Slack user no member is linked to that they are not linked, in the org’s language', async () => {
    await slack.postJson(homeOpened('Ev07HOMESTRANGER', '1718000300.000100', 'U0STRANGER'));
    await vi.waitFor(() => expect(api.callsTo('views.publish')).toHaveLength(1));
    expect(slack.leadCommand).not.toHaveBeenCalled();
    expect(api.callsTo('views.publish')[0]?.params).toMatchObject({ user_id: 'U0STRANGER' });
    const notLinked = textsFor('zh-CN').errors.IDENTITY_NOT_LINKED({});
    expect(publishedBlocks(0)?.[0]).toEqual(section(notLinked));
    expect(publishedBlocks(0)?.slice(1)).toEqual([{ type: 'divider' }, ...guideBlocks()]);
  });

  it('publishes again on every open: each has its own event_ts, so the registry does not take it for a retry', async () => {
    await slack.postJson(fixture('app-home-opened.json'));
    await vi.waitFor(() => expect(api.callsTo('views.publish')).toHaveLength(1));
    await slack.postJson(homeOpened('Ev07LEADHOME2', '1718000260.000400'));
    await vi.waitFor(() => expect(api.callsTo('views.publish')).toHaveLength(2));
    // Each open dispatches `/today` (its lists above the leads) and then `/lead`.
    expect(slack.dispatch.mock.calls.map(([event]) => event.eventId)).toEqual([
      'slack:home:U0REPWANG:1718000200.000300:today',
      'slack:home:U0REPWANG:1718000200.000300',
      'slack:home:U0REPWANG:1718000260.000400:today',
      'slack:home:U0REPWANG:1718000260.000400',
    ]);
    expect(slack.leadCommand).toHaveBeenCalledTimes(2);
    expect(publishedBlocks(1)?.[0]).toEqual(section(openLeadLine));
  });

  it('does not publish an empty view for Slack’s retry of the same open, and publishes the next open', async () => {
    const event = fixture('app-home-opened.json');
    await slack.postJson(event);
    await vi.waitFor(() => expect(api.callsTo('views.publish')).toHaveLength(1));
    await slack.postJson(event, {
      headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' },
    });
    // The dedupe is before the registry now (dispatchAndReply): the retry is a claim on a handled event.
    // Two claims per open (`/today`, then `/lead`): the retry's are both on handled events.
    await vi.waitFor(() => expect(slack.inboundEvents.begin).toHaveBeenCalledTimes(4));
    expect(await slack.inboundEvents.begin.mock.results[2]?.value).toEqual({ outcome: 'done' });
    expect(await slack.inboundEvents.begin.mock.results[3]?.value).toEqual({ outcome: 'done' });
    await slack.background.idle();
    expect(slack.dispatch).toHaveBeenCalledTimes(2);
    // Bolt answers before the listener runs, so a later open (another user, to tell the views apart) is what shows
    // that the retry's listener has finished without publishing.
    await slack.postJson(homeOpened('Ev07HOMEOTHER', '1718000270.000500', 'U0OTHER'));
    await vi.waitFor(() => expect(api.callsTo('views.publish')).toHaveLength(2));
    expect(api.callsTo('views.publish').map((c) => c.params.user_id)).toEqual(['U0REPWANG', 'U0OTHER']);
  });

  it('ignores the Messages tab', async () => {
    const body = fixture('app-home-opened.json');
    const messages = {
      ...body,
      event_id: 'Ev07MSGTAB',
      event: { ...(body.event as object), tab: 'messages' },
    };
    expect((await slack.postJson(messages)).status).toBe(200);
    // Bolt answers before the listener runs; the Home open after it shows the Messages tab's listener is done.
    await slack.postJson(fixture('app-home-opened.json'));
    await vi.waitFor(() => expect(api.callsTo('views.publish')).toHaveLength(1));
    expect(slack.dispatch).toHaveBeenCalledTimes(2);
    expect(slack.dispatch).toHaveBeenCalledWith(
      expect.objectContaining({ eventId: 'slack:home:U0REPWANG:1718000200.000300' }),
    );
  });
});

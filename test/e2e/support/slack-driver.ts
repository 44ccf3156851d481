import { expect } from 'vitest';
import { slackSignature } from '../../../src/adapters/slack/verify-slack-signature.js';
import {
  type FakeSlackApi,
  type RecordedCall,
  startFakeSlackApi,
} from '../../adapters/slack/support/fake-slack-api.js';
import { TEST_SIGNING_SECRET } from '../../adapters/slack/support/slack-settings-for.js';
import { startTestApp } from '../../support/test-app.js';
import {
  assignedStatus,
  BUTTONS_ASSIGNED,
  BUTTONS_CLAIMED,
  CALLBACK_TIMEOUT_MS,
  CLAIMED_REPLY,
  claimedStatus,
  nowSeconds,
  type PlatformDriver,
} from './story.js';

const TEAM_ID = 'T0E2ELEADS';
const BOT_TOKEN = 'xoxb-e2e-token';
/** What Slack answers for the owner's DM and the card in it (scripted, so the click can name them). */
const DM_CHANNEL = 'D0OWNERDM';
const CARD_TS = '1718000000.424242';

type Block = {
  type: string;
  text?: { text: string };
  elements?: { action_id?: string; value?: string; text?: string }[];
  fields?: { text: string }[];
};
const blocksOf = (call: RecordedCall | undefined) => (call?.params.blocks ?? []) as Block[];
const actionsOf = (call: RecordedCall | undefined) =>
  blocksOf(call)
    .filter((b) => b.type === 'actions')
    .flatMap((b) => b.elements ?? []);
const contextOf = (call: RecordedCall | undefined) =>
  blocksOf(call).find((b) => b.type === 'context')?.elements?.[0]?.text;
const fieldsOf = (call: RecordedCall | undefined) =>
  blocksOf(call).flatMap((b) => (b.fields ?? []).map((f) => f.text));

/** Slack over HTTP: Events/interactivity at POST /slack/events, Web API calls to a local fake. */
export function slackDriver(): PlatformDriver {
  let fake: FakeSlackApi;

  return {
    workspace: { platform: 'slack', workspaceId: TEAM_ID, channelId: 'C0EASTSALES' },
    async start() {
      fake = await startFakeSlackApi();
      fake.failNext('conversations.open', { status: 200, body: { ok: true, channel: { id: DM_CHANNEL } } });
      fake.failNext('chat.postMessage', {
        status: 200,
        body: { ok: true, channel: DM_CHANNEL, ts: CARD_TS },
      });
      return startTestApp({
        platforms: {
          enabled: ['slack'],
          env: {
            SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
            SLACK_BOT_TOKEN: BOT_TOKEN,
            SLACK_API_URL: fake.apiUrl,
          },
          publicUrl: 'https://leadrelay.example',
        },
      });
    },
    userIdFor: (_memberId, index) => `U0REP${index + 1}`,
    hasCard: async () => fake.callsTo('chat.postMessage').length > 0,

    async expectCard(_t, { lead, owner }) {
      // The DM is opened, then the card posted into it; nothing else reaches Slack.
      expect(fake.calls.map((c) => c.method)).toEqual(['conversations.open', 'chat.postMessage']);
      expect(fake.calls.every((c) => c.authorization === `Bearer ${BOT_TOKEN}`)).toBe(true);
      expect(fake.calls[0]?.params).toMatchObject({ users: owner.userId });
      const post = fake.calls[1];
      expect(post?.params).toMatchObject({
        channel: DM_CHANNEL,
        text: `新线索：${lead.name} — ${assignedStatus(owner.name)}`,
        metadata: { event_type: 'leadrelay_outbox' },
      });
      expect(blocksOf(post)[0]).toMatchObject({ type: 'header', text: { text: `新线索：${lead.name}` } });
      expect(contextOf(post)).toBe(assignedStatus(owner.name));
      expect(actionsOf(post).map((a) => [a.action_id, a.value])).toEqual(
        BUTTONS_ASSIGNED.map((a) => [a, lead.id]),
      );
      // Before the claim the phone is masked, even for the owner.
      expect(fieldsOf(post)).toContain('*手机*\n139****5678');
    },

    async clickClaim(t, { lead, owner }) {
      // https://docs.slack.dev/reference/interaction-payloads/block_actions-payload
      const payload = {
        type: 'block_actions',
        user: { id: owner.userId, username: 'rep', team_id: TEAM_ID },
        team: { id: TEAM_ID, domain: 'leadrelay-e2e' },
        api_app_id: 'A0E2E',
        container: { type: 'message', message_ts: CARD_TS, channel_id: DM_CHANNEL, is_ephemeral: false },
        channel: { id: DM_CHANNEL, name: 'directmessage' },
        trigger_id: '1000.2000.e2e',
        response_url: fake.responseUrl('claim'),
        actions: [
          {
            type: 'button',
            action_id: 'lead.claim',
            block_id: 'b1',
            value: lead.id,
            text: { type: 'plain_text', text: '领取' },
            action_ts: `${nowSeconds(t)}.000100`,
          },
        ],
      };
      const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
      const timestamp = String(nowSeconds(t));
      const response = await fetch(`${t.baseUrl}/slack/events`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'x-slack-request-timestamp': timestamp,
          'x-slack-signature': slackSignature(TEST_SIGNING_SECRET, timestamp, body),
        },
        body,
        signal: AbortSignal.timeout(CALLBACK_TIMEOUT_MS),
      });
      expect(response.status).toBe(200);
    },

    hasUpdate: async () => fake.callsTo('chat.update').length > 0 && fake.callsTo('response_url').length > 0,

    async expectUpdate(_t, { lead, owner }) {
      const after = fake.calls.slice(2);
      expect(after.map((c) => c.method).sort()).toEqual(['chat.update', 'response_url']);
      const update = fake.callsTo('chat.update')[0];
      // The same message, redrawn: claimed by the owner, phone now shown in full, the next buttons.
      expect(update?.params).toMatchObject({ channel: DM_CHANNEL, ts: CARD_TS });
      expect(update?.params.text).toBe(`新线索：${lead.name} — ${claimedStatus(owner.name)}`);
      expect(contextOf(update)).toBe(claimedStatus(owner.name));
      expect(fieldsOf(update)).toContain(`*手机*\n${lead.phone}`);
      expect(actionsOf(update).map((a) => [a.action_id, a.value])).toEqual(
        BUTTONS_CLAIMED.map((a) => [a, lead.id]),
      );
      expect(fake.callsTo('response_url')[0]?.params).toEqual({
        response_type: 'ephemeral',
        replace_original: false,
        text: CLAIMED_REPLY,
      });
    },
    close: () => fake.close(),
  };
}

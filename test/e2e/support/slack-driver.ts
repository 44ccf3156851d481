import { expect } from 'vitest';
import { slackSignature } from '../../../src/adapters/slack/verify-slack-signature.js';
import {
  type FakeSlackApi,
  type RecordedCall,
  startFakeSlackApi,
} from '../../adapters/slack/support/fake-slack-api.js';
import { TEST_SIGNING_SECRET } from '../../adapters/slack/support/slack-settings-for.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import {
  assignedStatus,
  BUTTONS_ASSIGNED,
  BUTTONS_CLAIMED,
  CALLBACK_TIMEOUT_MS,
  CLAIMED_REPLY,
  claimedStatus,
  type FormValues,
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

/** What the complaint intake (complaint-intake.test.ts) does on Slack beyond the lead story's steps. */
export type SlackComplaintSteps = {
  /** The fake Web API's recorded calls. */
  readonly api: () => FakeSlackApi;
  /** A slash command typed in a channel; Slack's HTTP answer. */
  slashCommand(t: TestApp, userId: string, channelId: string, command: string, text: string): Promise<void>;
  /** A button clicked (or a select menu's option chosen) on a message in a channel. */
  act(t: TestApp, userId: string, channelId: string, element: SlackElement): Promise<void>;
  /** The modal views.open opened last, submitted with these values; Slack's HTTP answer. */
  submitOpened(t: TestApp, userId: string, values: FormValues): Promise<{ status: number; body: string }>;
};
export type SlackElement =
  | { readonly type: 'button'; readonly actionId: string; readonly value: string }
  | { readonly type: 'static_select'; readonly actionId: string; readonly value: string };

/** Slack over HTTP: Events/interactivity at POST /slack/events, Web API calls to a local fake. */
export function slackDriver(): PlatformDriver & SlackComplaintSteps {
  let fake: FakeSlackApi;

  return {
    api: () => fake,
    async slashCommand(t, userId, channelId, command, text) {
      // https://docs.slack.dev/interactivity/implementing-slash-commands#app_command_handling
      const id = `cmd-${++submissions}`;
      const form = {
        token: 'unused',
        team_id: TEAM_ID,
        team_domain: 'leadrelay-e2e',
        channel_id: channelId,
        channel_name: 'sales',
        user_id: userId,
        user_name: 'member',
        command,
        text,
        api_app_id: 'A0E2E',
        response_url: fake.responseUrl(id),
        trigger_id: `3000.${id}.e2e`,
      };
      await postSignedBody(t, new URLSearchParams(form).toString());
    },
    async act(t, userId, channelId, element) {
      const id = `act-${++submissions}`;
      const action =
        element.type === 'button'
          ? {
              type: 'button',
              action_id: element.actionId,
              value: element.value,
              text: { type: 'plain_text', text: 'b' },
            }
          : {
              type: 'static_select',
              action_id: element.actionId,
              selected_option: { value: element.value, text: { type: 'plain_text', text: element.value } },
            };
      await postSigned(t, {
        type: 'block_actions',
        user: { id: userId, username: 'member', team_id: TEAM_ID },
        team: { id: TEAM_ID, domain: 'leadrelay-e2e' },
        api_app_id: 'A0E2E',
        container: { type: 'message', message_ts: CARD_TS, channel_id: channelId, is_ephemeral: true },
        channel: { id: channelId, name: 'sales' },
        trigger_id: `1000.${id}.e2e`,
        response_url: fake.responseUrl(id),
        actions: [
          {
            ...action,
            block_id: 'b1',
            action_ts: `${nowSeconds(t)}.${String(submissions).padStart(6, '0')}`,
          },
        ],
      });
    },
    async submitOpened(t, userId, values) {
      const view = fake.callsTo('views.open').at(-1)?.params.view as ModalView | undefined;
      return postSigned(t, viewSubmission(userId, view, values));
    },
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
      await postSigned(t, clickPayload(t, fake, owner.userId, 'lead.claim', lead.id, 'claim'));
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
    async clickFollowUp(t, { lead, owner }) {
      await postSigned(t, clickPayload(t, fake, owner.userId, 'lead.follow_up', lead.id, 'follow-up'));
    },

    async submitForm(t, { lead, owner }, values) {
      // The modal views.open opened, filled in: https://docs.slack.dev/reference/interaction-payloads/view-interactions-payload
      const opened = fake.callsTo('views.open').at(-1)?.params;
      // Opened with the click's own trigger_id (valid 3 s), as the follow-up form for this lead.
      expect(opened?.trigger_id, 'views.open was called').toBe('1000.follow-up.e2e');
      const view = opened?.view as ModalView | undefined;
      expect(view).toMatchObject({
        type: 'modal',
        callback_id: 'follow-up.record',
        private_metadata: lead.id,
      });
      return postSigned(t, viewSubmission(owner.userId, view, values));
    },

    answers: async () =>
      fake.calls
        .filter((c) => c.method === 'response_url' || (c.method === 'chat.postMessage' && !isCard(c)))
        .map((c) => String(c.params.text ?? '')),
    close: () => fake.close(),
  };
}

type ModalView = {
  type: string;
  callback_id: string;
  private_metadata: string;
  blocks: { block_id: string; element: { action_id: string; type: string } }[];
};
let submissions = 0;

/** A modal's view_submission: https://docs.slack.dev/reference/interaction-payloads/view-interactions-payload */
function viewSubmission(userId: string, view: ModalView | undefined, values: FormValues) {
  const state: Record<string, Record<string, unknown>> = {};
  for (const block of view?.blocks ?? []) {
    const { action_id: id, type } = block.element;
    const value = values[id];
    state[block.block_id] = {
      [id]:
        type === 'static_select'
          ? { type, selected_option: value ? { value } : null }
          : { type, value: value ?? null },
    };
  }
  return {
    type: 'view_submission',
    team: { id: TEAM_ID, domain: 'leadrelay-e2e' },
    user: { id: userId, username: 'rep', team_id: TEAM_ID },
    api_app_id: 'A0E2E',
    trigger_id: `2000.${++submissions}.e2e`,
    view: {
      id: `V0${view?.callback_id ?? 'NONE'}`,
      hash: `hash-${submissions}`,
      type: 'modal',
      callback_id: view?.callback_id,
      private_metadata: view?.private_metadata,
      state: { values: state },
    },
  };
}
const isCard = (c: RecordedCall) => blocksOf(c).some((b) => b.type === 'header');

// https://docs.slack.dev/reference/interaction-payloads/block_actions-payload
function clickPayload(
  t: TestApp,
  fake: FakeSlackApi,
  userId: string,
  actionId: string,
  value: string,
  id: string,
) {
  return {
    type: 'block_actions',
    user: { id: userId, username: 'rep', team_id: TEAM_ID },
    team: { id: TEAM_ID, domain: 'leadrelay-e2e' },
    api_app_id: 'A0E2E',
    container: { type: 'message', message_ts: CARD_TS, channel_id: DM_CHANNEL, is_ephemeral: false },
    channel: { id: DM_CHANNEL, name: 'directmessage' },
    trigger_id: `1000.${id}.e2e`,
    response_url: fake.responseUrl(id),
    actions: [
      {
        type: 'button',
        action_id: actionId,
        block_id: 'b1',
        value,
        text: { type: 'plain_text', text: actionId },
        action_ts: `${nowSeconds(t)}.000100`,
      },
    ],
  };
}

/** Signs and posts an interactivity payload as Slack does; the HTTP answer is Slack's to read (a modal's errors). */
async function postSigned(t: TestApp, payload: unknown): Promise<{ status: number; body: string }> {
  return postSignedBody(t, new URLSearchParams({ payload: JSON.stringify(payload) }).toString());
}

async function postSignedBody(t: TestApp, body: string): Promise<{ status: number; body: string }> {
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
  return { status: response.status, body: await response.text() };
}

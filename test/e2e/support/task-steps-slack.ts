import { expect } from 'vitest';
import { parseMessageRef } from '../../../src/adapters/slack/slack-adapter.js';
import { slackSignature } from '../../../src/adapters/slack/verify-slack-signature.js';
import type { FakeSlackApi } from '../../adapters/slack/support/fake-slack-api.js';
import { TEST_SIGNING_SECRET } from '../../adapters/slack/support/slack-settings-for.js';
import type { TestApp } from '../../support/test-app.js';
import { nowSeconds, pumpUntil } from './story.js';

/** The Slack workspace the story moves the demo org to. */
export const SLACK_TEAM = 'T0E2ETASKS';

// The same steps on Slack, over its fake Web API: the cards are read from what the app posted and updated, the
// clicks, the slash command and the modal's submission are signed as Slack signs them.

export type SlackCard = {
  readonly channel: string;
  readonly ts: string;
  readonly status: string | undefined;
  readonly buttons: string[];
};

type SlackBlock = {
  type: string;
  text?: { text: string };
  elements?: { action_id?: string; text?: string | { text: string } }[];
};

const contextOf = (blocks: SlackBlock[]) => {
  const first = blocks.find((b) => b.type === 'context')?.elements?.[0]?.text;
  return typeof first === 'string' ? first : first?.text;
};
const buttonsOf = (blocks: SlackBlock[]) =>
  blocks
    .filter((b) => b.type === 'actions')
    .flatMap((b) => (b.elements ?? []).map((e) => String(e.action_id)));

/** Every Slack message that showed the task's card (the app's sent-message records), as last posted or updated. */
export async function slackTaskCards(t: TestApp, fake: FakeSlackApi, taskId: string): Promise<SlackCard[]> {
  const sent = await t.app.models.SentMessage.find({ cardKey: `task:${taskId}` }).lean();
  return sent.map((s) => {
    const { channel, ts } = parseMessageRef(s.messageRef);
    const update = fake
      .callsTo('chat.update')
      .filter((c) => c.params.channel === channel && c.params.ts === ts)
      .at(-1);
    const post = fake
      .callsTo('chat.postMessage')
      .filter((c) => c.params.channel === channel && JSON.stringify(c.params.blocks ?? '').includes('任务单'))
      .at(-1);
    const blocks = ((update ?? post)?.params.blocks ?? []) as SlackBlock[];
    return { channel, ts, status: contextOf(blocks), buttons: buttonsOf(blocks) };
  });
}

/** Waits for a card of the task in the member's DM (`D<userId>` on the fake) to show `status`. */
export async function slackCardShowing(
  t: TestApp,
  fake: FakeSlackApi,
  taskId: string,
  userId: string,
  status: string | RegExp,
  ts?: string,
): Promise<SlackCard> {
  let found: SlackCard | undefined;
  await pumpUntil(
    t,
    async () => {
      found = (await slackTaskCards(t, fake, taskId)).find(
        (c) =>
          c.channel === `D${userId}` &&
          (ts === undefined || c.ts === ts) &&
          (typeof status === 'string' ? c.status === status : status.test(c.status ?? '')),
      );
      return found !== undefined;
    },
    `the Slack card showing “${status}”`,
  );
  return found as SlackCard;
}

let slackSeq = 0;

/** A button click on the card, as Slack posts it (https://docs.slack.dev/reference/interaction-payloads/block_actions-payload). */
export async function slackClick(
  t: TestApp,
  fake: FakeSlackApi,
  userId: string,
  card: SlackCard,
  actionId: string,
  value: string,
) {
  const id = `task-${++slackSeq}`;
  await postSigned(t, {
    type: 'block_actions',
    user: { id: userId, username: 'member', team_id: SLACK_TEAM },
    team: { id: SLACK_TEAM, domain: 'leadrelay-e2e' },
    api_app_id: 'A0E2E',
    container: { type: 'message', message_ts: card.ts, channel_id: card.channel, is_ephemeral: false },
    channel: { id: card.channel, name: 'directmessage' },
    trigger_id: `1000.${id}.e2e`,
    response_url: fake.responseUrl(id),
    actions: [
      {
        type: 'button',
        action_id: actionId,
        block_id: 'b1',
        value,
        text: { type: 'plain_text', text: actionId },
        action_ts: `${nowSeconds(t)}.000${slackSeq}`,
      },
    ],
  });
  return id;
}

/** A slash command, as Slack posts it (https://docs.slack.dev/interactivity/implementing-slash-commands). */
export async function slackCommand(
  t: TestApp,
  fake: FakeSlackApi,
  userId: string,
  command: string,
  text: string,
) {
  const id = `command-${++slackSeq}`;
  const fields = {
    command,
    text,
    team_id: SLACK_TEAM,
    user_id: userId,
    channel_id: `D${userId}`,
    trigger_id: `3000.${id}.e2e`,
    response_url: fake.responseUrl(id),
  };
  await postSlack(t, new URLSearchParams(fields).toString());
}

/** An interactivity payload (a click, a modal's submission), form-encoded as Slack sends it; Slack's HTTP answer. */
const postSigned = (t: TestApp, payload: unknown) =>
  postSlack(t, new URLSearchParams({ payload: JSON.stringify(payload) }).toString());

/**
 * Signs with the real time, not the app's clock: the signature's 5-minute window is checked against the real clock,
 * which the story's clock moves far from.
 */
async function postSlack(t: TestApp, body: string): Promise<{ status: number; body: string }> {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const response = await fetch(`${t.baseUrl}/slack/events`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': timestamp,
      'x-slack-signature': slackSignature(TEST_SIGNING_SECRET, timestamp, body),
    },
    body,
  });
  expect(response.status).toBe(200);
  return { status: response.status, body: await response.text() };
}

/** Waits for the app to answer `text` privately: through a response_url (a click's, a command's) or in the DM. */
export async function slackAnswered(t: TestApp, fake: FakeSlackApi, text: string): Promise<void> {
  await pumpUntil(
    t,
    async () =>
      fake.calls.some(
        (c) => (c.method === 'response_url' || c.method === 'chat.postMessage') && c.params.text === text,
      ),
    `the answer “${text}”`,
  );
}

/** Submits the modal the app opened last with `values` by field id; Slack's HTTP answer (a modal's errors). */
export async function slackSubmit(
  t: TestApp,
  fake: FakeSlackApi,
  userId: string,
  values: Record<string, string>,
) {
  const view = fake.callsTo('views.open').at(-1)?.params.view as {
    callback_id: string;
    private_metadata: string;
    blocks: { block_id: string; element: { action_id: string; type: string } }[];
  };
  const state: Record<string, Record<string, unknown>> = {};
  for (const block of view.blocks) {
    const { action_id: id, type } = block.element;
    state[block.block_id] = { [id]: { type, value: values[id] ?? null } };
  }
  return postSigned(t, {
    type: 'view_submission',
    team: { id: SLACK_TEAM, domain: 'leadrelay-e2e' },
    user: { id: userId, username: 'member', team_id: SLACK_TEAM },
    api_app_id: 'A0E2E',
    trigger_id: `2000.${++slackSeq}.e2e`,
    view: {
      id: `V0TASK${slackSeq}`,
      hash: `hash-${slackSeq}`,
      type: 'modal',
      callback_id: view.callback_id,
      private_metadata: view.private_metadata,
      state: { values: state },
    },
  });
}

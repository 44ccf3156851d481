import { expect } from 'vitest';
import { cardHeaders, robotHeaders, SECRET } from '../../adapters/dingtalk/dingtalk-test-support.js';
import {
  type FakeDingtalkApi,
  type RecordedCall,
  startFakeDingtalkApi,
} from '../../adapters/dingtalk/fake-dingtalk-api.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import {
  assignedStatus,
  BUTTONS_ASSIGNED,
  BUTTONS_CLAIMED,
  CALLBACK_TIMEOUT_MS,
  CLAIMED_REPLY,
  claimedStatus,
  type PlatformDriver,
} from './story.js';

const CLIENT_ID = 'dinge2eleadrelay01';
const TEMPLATE_ID = 'e2e0c0de-lead-card.schema';
const PUBLIC_URL = 'https://leadrelay.example';

const key = (c: RecordedCall) => `${c.method} ${c.path}`;
const paramsOf = (c: RecordedCall | undefined) =>
  (c?.body?.cardData?.cardParamMap ?? {}) as Record<string, string>;
const buttonsOf = (c: RecordedCall | undefined) =>
  (JSON.parse(paramsOf(c).buttons ?? '[]') as { actionId: string; value: string }[]).map((b) => [
    b.actionId,
    b.value,
  ]);

/** What the complaint intake (complaint-intake.test.ts) does on DingTalk beyond the lead story's steps. */
export type DingtalkComplaintSteps = {
  readonly api: () => FakeDingtalkApi;
  /** A button on a delivered card clicked by `userId` (the card's outTrackId and current rev). */
  clickCard(
    t: TestApp,
    userId: string,
    card: { outTrackId: string; rev: string },
    button: CardButton,
  ): Promise<void>;
};
type CardButton = { readonly actionId: string; readonly value: string };

/** DingTalk in HTTP mode: card clicks at POST /dingtalk/callback, OpenAPI calls to a local fake. */
export function dingtalkDriver(): PlatformDriver & DingtalkComplaintSteps {
  let fake: FakeDingtalkApi;
  let card: RecordedCall | undefined;

  return {
    api: () => fake,
    clickCard(t, userId, target, button) {
      // Signed now, before any await: two clicks sent at once carry different timestamps (a sign is used once).
      t.app.clock.advance(1_000);
      return post(t, '/dingtalk/callback', cardHeaders(t.app.clock.now().getTime()), {
        type: 'actionCallback',
        outTrackId: target.outTrackId,
        userId,
        corpId: 'dingcorpe2e',
        spaceType: 'IM_ROBOT',
        spaceId: userId,
        content: JSON.stringify({
          cardPrivateData: { actionIds: ['lead_button'], params: { ...button, rev: target.rev } },
        }),
      });
    },
    // One internal app serves one org: the app's client id is the workspace clicks are mapped in.
    workspace: { platform: 'dingtalk', workspaceId: CLIENT_ID, channelId: 'cidEastSales==' },
    async start() {
      fake = await startFakeDingtalkApi();
      return startTestApp({
        platforms: {
          enabled: ['dingtalk'],
          env: {
            DINGTALK_MODE: 'http',
            DINGTALK_CLIENT_ID: CLIENT_ID,
            DINGTALK_CLIENT_SECRET: SECRET,
            DINGTALK_ROBOT_CODE: CLIENT_ID,
            DINGTALK_CARD_TEMPLATE_ID: TEMPLATE_ID,
            DINGTALK_API_URL: fake.url,
          },
          publicUrl: PUBLIC_URL,
        },
      });
    },
    userIdFor: (_memberId, index) => `staff0${index + 1}`,
    hasCard: async () => fake.callsTo('/v1.0/card/instances/createAndDeliver').length > 0,

    async expectCard(_t, { lead, owner }) {
      // platforms.start() registered the card callback URL; then one token and the card, to the owner's robot chat.
      expect(fake.calls.map(key)).toEqual([
        'POST /v1.0/oauth2/accessToken',
        'POST /v1.0/card/callbacks/register',
        'POST /v1.0/card/instances/createAndDeliver',
      ]);
      expect(fake.calls[1]?.body).toMatchObject({
        callbackRouteKey: `leadrelay_${CLIENT_ID}`,
        callbackUrl: `${PUBLIC_URL}/dingtalk/callback`,
        apiSecret: SECRET,
      });
      card = fake.calls[2];
      expect(card?.token).toBe('tok-1');
      expect(card?.body).toMatchObject({
        cardTemplateId: TEMPLATE_ID,
        outTrackId: expect.stringMatching(/^lr_[0-9a-f]{40}$/),
        callbackType: 'HTTP',
        callbackRouteKey: `leadrelay_${CLIENT_ID}`,
        openSpaceId: `dtv1.card//IM_ROBOT.${owner.userId}`,
        imRobotOpenDeliverModel: { spaceType: 'IM_ROBOT', robotCode: CLIENT_ID },
      });
      expect(paramsOf(card)).toMatchObject({
        title: `新线索：${lead.name}`,
        status: assignedStatus(owner.name),
        hasButtons: 'true',
        rev: expect.stringMatching(/^[0-9a-f]{12}$/),
      });
      // Field values are escaped for DingTalk markdown: the mask's * become full-width ＊.
      expect(String(paramsOf(card).fields).split('\n')).toContain('**手机**：139＊＊＊＊5678');
      expect(buttonsOf(card)).toEqual(BUTTONS_ASSIGNED.map((a) => [a, lead.id]));
    },

    async clickClaim(t, { lead, owner }) {
      // Doc: https://open.dingtalk.com/document/development/event-callback-card; the template sends back the
      // button's actionId and value and the card's rev (parse-dingtalk-events.ts).
      const privateData = JSON.stringify({
        cardPrivateData: {
          actionIds: ['lead_button'],
          params: { actionId: 'lead.claim', value: lead.id, rev: paramsOf(card).rev },
        },
      });
      const body = JSON.stringify({
        type: 'actionCallback',
        outTrackId: card?.body.outTrackId,
        userId: owner.userId,
        corpId: 'dingcorpe2e',
        spaceType: 'IM_ROBOT',
        spaceId: owner.userId,
        userIdType: 1,
        extension: '{}',
        content: privateData,
        value: privateData,
      });
      const response = await fetch(`${t.baseUrl}/dingtalk/callback`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...cardHeaders(t.app.clock.now().getTime()) },
        body,
        signal: AbortSignal.timeout(CALLBACK_TIMEOUT_MS),
      });
      expect(response.status, await response.text()).toBe(200);
    },

    hasUpdate: async () =>
      fake.callsTo('/v1.0/card/instances').length > 0 &&
      fake.callsTo('/v1.0/robot/oToMessages/batchSend').length > 0,

    async expectUpdate(_t, { lead, owner }) {
      const after = fake.calls.slice(3);
      expect(after.map(key).sort()).toEqual([
        'POST /v1.0/robot/oToMessages/batchSend',
        'PUT /v1.0/card/instances',
      ]);
      const update = fake.callsTo('/v1.0/card/instances')[0];
      // The same card instance, redrawn for the owner with a new rev.
      expect(update?.body).toMatchObject({
        outTrackId: card?.body.outTrackId,
        cardUpdateOptions: { updateCardDataByKey: true },
      });
      expect(paramsOf(update)).toMatchObject({ status: claimedStatus(owner.name), hasButtons: 'true' });
      expect(paramsOf(update).rev).not.toBe(paramsOf(card).rev);
      expect(String(paramsOf(update).fields).split('\n')).toContain(`**手机**：${lead.phone}`);
      expect(buttonsOf(update)).toEqual(BUTTONS_CLAIMED.map((a) => [a, lead.id]));
      expect(fake.callsTo('/v1.0/robot/oToMessages/batchSend')[0]?.body).toMatchObject({
        robotCode: CLIENT_ID,
        userIds: [owner.userId],
        msgKey: 'sampleText',
        msgParam: JSON.stringify({ content: CLAIMED_REPLY }),
      });
    },
    async clickFollowUp(t, story) {
      // The owner's copy was redrawn on the claim: its rev is the newest card update's.
      const rev = paramsOf(fake.callsTo('/v1.0/card/instances').at(-1) ?? card).rev;
      t.app.clock.advance(1_000);
      await post(t, '/dingtalk/callback', cardHeaders(t.app.clock.now().getTime()), {
        type: 'actionCallback',
        outTrackId: card?.body.outTrackId,
        userId: story.owner.userId,
        corpId: 'dingcorpe2e',
        spaceType: 'IM_ROBOT',
        spaceId: story.owner.userId,
        content: JSON.stringify({
          cardPrivateData: {
            actionIds: ['lead_button'],
            params: { actionId: 'lead.follow_up', value: story.lead.id, rev },
          },
        }),
      });
    },
    async say(t, { owner }, text) {
      // A message in the owner's 1:1 chat with the robot: https://open.dingtalk.com/document/orgapp/receive-message
      t.app.clock.advance(1_000);
      await post(t, '/dingtalk/callback', robotHeaders(t.app.clock.now().getTime()), {
        msgId: `msgE2E${++sent}`,
        msgtype: 'text',
        text: { content: text },
        senderStaffId: owner.userId,
        conversationType: '1',
        conversationId: 'cidOwnerDm==',
        robotCode: CLIENT_ID,
      });
    },
    answers: async () =>
      fake
        .callsTo('/v1.0/robot/oToMessages/batchSend')
        .map((c) => (JSON.parse(String(c.body?.msgParam ?? '{}')) as { content?: string }).content ?? ''),
    close: () => fake.close(),
  };
}

let sent = 0;

/** Posts a signed callback (each caller moves the clock first: a sign covers only its timestamp, reused is refused). */
async function post(t: TestApp, path: string, headers: Record<string, string>, body: unknown) {
  const response = await fetch(`${t.baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(CALLBACK_TIMEOUT_MS),
  });
  expect(response.status, await response.text()).toBe(200);
}

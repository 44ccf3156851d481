import { expect } from 'vitest';
import { cardHeaders, robotHeaders } from '../../adapters/dingtalk/dingtalk-test-support.js';
import type { RecordedCall as DtCall, FakeDingtalkApi } from '../../adapters/dingtalk/fake-dingtalk-api.js';
import type { TestApp } from '../../support/test-app.js';
import { pumpUntil } from './story.js';

// The same steps on DingTalk (HTTP mode), over its fake OpenAPI: the cards are the interactive card instances the
// app created and updated; clicks and robot messages are signed callbacks.

export type DingtalkCard = {
  readonly outTrackId: string;
  readonly status: string | undefined;
  readonly buttons: string[];
  readonly rev: string | undefined;
};

const dtParams = (c: DtCall | undefined) => (c?.body?.cardData?.cardParamMap ?? {}) as Record<string, string>;

/** The member's cards of the task (delivered to their robot chat), each as last created or updated. */
export function dingtalkTaskCards(fake: FakeDingtalkApi, userId: string, code: string): DingtalkCard[] {
  return fake
    .callsTo('/v1.0/card/instances/createAndDeliver')
    .filter(
      (c) => c.body.openSpaceId === `dtv1.card//IM_ROBOT.${userId}` && dtParams(c).title?.includes(code),
    )
    .map((created) => {
      const outTrackId = String(created.body.outTrackId);
      const last = fake
        .callsTo('/v1.0/card/instances')
        .filter((u) => u.body.outTrackId === outTrackId)
        .at(-1);
      const params = { ...dtParams(created), ...dtParams(last) };
      const buttons = (JSON.parse(params.buttons ?? '[]') as { actionId: string }[]).map((b) => b.actionId);
      return { outTrackId, status: params.status, buttons, rev: params.rev };
    });
}

export async function dingtalkCardShowing(
  t: TestApp,
  fake: FakeDingtalkApi,
  userId: string,
  code: string,
  status: string | RegExp,
  outTrackId?: string,
): Promise<DingtalkCard> {
  let found: DingtalkCard | undefined;
  await pumpUntil(
    t,
    async () => {
      found = dingtalkTaskCards(fake, userId, code).find(
        (c) =>
          (outTrackId === undefined || c.outTrackId === outTrackId) &&
          (typeof status === 'string' ? c.status === status : status.test(c.status ?? '')),
      );
      return found !== undefined;
    },
    `the DingTalk card showing “${status}”`,
  );
  return found as DingtalkCard;
}

/**
 * Signed with the real time (the signature's window is checked against it, not the story's clock), a distinct
 * millisecond each, since a (timestamp, sign) pair is accepted once.
 */
let dtLast = 0;
const dtNow = () => {
  dtLast = Math.max(Date.now(), dtLast + 1);
  return dtLast;
};

async function postDingtalk(t: TestApp, headers: Record<string, string>, body: unknown): Promise<void> {
  const response = await fetch(`${t.baseUrl}/dingtalk/callback`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  expect(response.status, await response.text()).toBe(200);
}

/** The body DingTalk posts for a button of a delivered card: https://open.dingtalk.com/document/development/event-callback-card */
export function dingtalkClickBody(
  userId: string,
  card: Pick<DingtalkCard, 'outTrackId' | 'rev'>,
  actionId: string,
  value: string,
) {
  const content = JSON.stringify({
    cardPrivateData: { actionIds: ['lead_button'], params: { actionId, value, rev: card.rev } },
  });
  return {
    type: 'actionCallback',
    outTrackId: card.outTrackId,
    userId,
    corpId: 'dingcorpe2e',
    spaceType: 'IM_ROBOT',
    spaceId: userId,
    content,
    value: content,
  };
}

/** A card button click, signed and posted. */
export async function dingtalkClick(
  t: TestApp,
  userId: string,
  card: DingtalkCard,
  actionId: string,
  value: string,
) {
  await postDingtalk(t, cardHeaders(dtNow()), dingtalkClickBody(userId, card, actionId, value));
}

/**
 * The body DingTalk posts for a text in the member's 1:1 chat with the robot, or (`group`) in a group the robot is
 * in, mentioning it: https://open.dingtalk.com/document/orgapp/receive-message
 */
export function dingtalkTextBody(
  msgId: string,
  userId: string,
  robotCode: string,
  text: string,
  options: { readonly group?: boolean } = {},
) {
  return {
    msgId,
    msgtype: 'text',
    text: { content: text },
    senderStaffId: userId,
    conversationType: options.group ? '2' : '1',
    conversationId: options.group ? 'cidGroupSales==' : `cid${userId}==`,
    robotCode,
  };
}

let dtMessages = 0;

/** A text to the robot (see dingtalkTextBody), signed and posted. */
export async function dingtalkSay(
  t: TestApp,
  userId: string,
  robotCode: string,
  text: string,
  options: { readonly group?: boolean } = {},
) {
  await postDingtalk(
    t,
    robotHeaders(dtNow()),
    dingtalkTextBody(`msgTask${++dtMessages}`, userId, robotCode, text, options),
  );
}

/** Waits for the robot's plain answer `text` to the member. */
export async function dingtalkAnswered(t: TestApp, fake: FakeDingtalkApi, userId: string, text: string) {
  await pumpUntil(
    t,
    async () =>
      fake
        .callsTo('/v1.0/robot/oToMessages/batchSend')
        .some(
          (c) =>
            (c.body.userIds as string[] | undefined)?.includes(userId) &&
            (JSON.parse(String(c.body.msgParam ?? '{}')) as { content?: string }).content === text,
        ),
    `the DingTalk answer “${text}”`,
  );
}

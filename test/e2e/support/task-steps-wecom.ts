import type { FakeWecomApi, RecordedCall } from '../../adapters/wecom/fake-wecom-api.js';
import type { TestApp } from '../../support/test-app.js';
import { pumpUntil } from './story.js';
import type { wecomDriver } from './wecom-driver.js';

// The task's steps on WeCom (self-built app), over its fake server API: a card is a message/send template card
// (its task_id names it); 开始处理 redraws it through update_template_card with the click's one-time code; a
// decided card's buttons are greyed out with its new status (a button_interaction card cannot lose them all).

type Driver = ReturnType<typeof wecomDriver>;

export type WecomCard = {
  readonly taskId: string;
  readonly status: string | undefined;
  /** The buttons' keys by action (`task.start`), in order. */
  readonly buttons: string[];
};

type Sent = {
  touser?: string;
  msgtype?: string;
  text?: { content?: string };
  template_card?: {
    task_id: string;
    main_title: { title: string };
    sub_title_text?: string;
    button_list: { key: string }[];
  };
};
const bodyOf = (c: RecordedCall) => (c.body ?? {}) as Sent & { userids?: string[]; response_code?: string };

/** The member's cards of the task, each as last sent or redrawn in full (update_template_card with its task_id). */
export function wecomTaskCards(fake: FakeWecomApi, userId: string, code: string): WecomCard[] {
  const updates = fake.callsTo('/cgi-bin/message/update_template_card').map(bodyOf);
  return fake
    .callsTo('/cgi-bin/message/send')
    .map(bodyOf)
    .filter((b) => b.touser === userId && b.template_card?.main_title.title.includes(code))
    .map((sent) => {
      const taskId = sent.template_card?.task_id ?? '';
      const last =
        updates.filter((u) => u.template_card?.task_id === taskId && u.userids?.includes(userId)).at(-1) ??
        sent;
      const card = last.template_card;
      return {
        taskId,
        status: card?.sub_title_text,
        buttons: (card?.button_list ?? []).map((b) => b.key.split('|')[0] ?? ''),
      };
    });
}

export async function wecomCardShowing(
  t: TestApp,
  fake: FakeWecomApi,
  userId: string,
  code: string,
  status: string | RegExp,
  taskId?: string,
): Promise<WecomCard> {
  let found: WecomCard | undefined;
  await pumpUntil(
    t,
    async () => {
      found = wecomTaskCards(fake, userId, code).find(
        (c) =>
          (taskId === undefined || c.taskId === taskId) &&
          (typeof status === 'string' ? c.status === status : status.test(c.status ?? '')),
      );
      return found !== undefined;
    },
    `the WeCom card showing “${status}”`,
  );
  return found as WecomCard;
}

/** A button of the card clicked by the member, with `responseCode` the one-time code WeCom puts on the click. */
export async function wecomClick(
  t: TestApp,
  driver: Driver,
  userId: string,
  card: WecomCard,
  actionId: string,
  value: string,
  responseCode: string,
): Promise<void> {
  await driver.clickCard(t, userId, card.taskId, `${actionId}|${value}`, responseCode);
}

/** A text message from the member to the app. */
export async function wecomSay(t: TestApp, driver: Driver, userId: string, text: string): Promise<void> {
  await driver.say?.(
    t,
    { lead: { id: '', name: '', phone: '' }, owner: { memberId: '', name: '', userId } },
    text,
  );
}

const textsTo = (fake: FakeWecomApi, userId: string) =>
  fake
    .callsTo('/cgi-bin/message/send')
    .map(bodyOf)
    .filter((b) => b.touser === userId && b.msgtype === 'text')
    .map((b) => b.text?.content ?? '');

/** Waits for the app's plain answer `text` to the member. */
export async function wecomAnswered(t: TestApp, fake: FakeWecomApi, userId: string, text: string) {
  await pumpUntil(t, async () => textsTo(fake, userId).includes(text), `the WeCom answer “${text}”`);
}

/** Waits for a card without buttons, sent as text, that begins with `head` (its title and status lines). */
export async function wecomTextShowing(t: TestApp, fake: FakeWecomApi, userId: string, head: string) {
  await pumpUntil(
    t,
    async () => textsTo(fake, userId).some((text) => text.startsWith(head)),
    `the WeCom text “${head}…”`,
  );
}

/** Waits for the card update that spends `responseCode`, and returns what it sent. */
export async function wecomUpdateWith(t: TestApp, fake: FakeWecomApi, responseCode: string) {
  const find = () =>
    fake
      .callsTo('/cgi-bin/message/update_template_card')
      .map(bodyOf)
      .find((u) => u.response_code === responseCode);
  await pumpUntil(t, async () => find() !== undefined, `the card update with ${responseCode}`);
  return find() as ReturnType<typeof bodyOf> & { button?: { replace_name: string } };
}

/**
 * Waits until the outbox has delivered everything (its pacing holds a second message to one member back): a click's
 * one-time code is spent by the first update that reaches the card, so a test clicks only once the redraws queued
 * before it have gone out.
 */
export async function wecomSettled(t: TestApp): Promise<void> {
  const entries = t.app.models.OutboxEntry;
  await pumpUntil(
    t,
    async () => (await entries.countDocuments({ status: { $in: ['pending', 'sending'] } })) === 0,
    'every queued message',
  );
}

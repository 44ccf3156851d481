import { expect } from 'vitest';
import type { TestApp } from '../../support/test-app.js';
import type { Centre } from './complaint-steps.js';
import { dingtalkDriver } from './dingtalk-driver.js';
import { sandboxDriver } from './sandbox-driver.js';
import { slackDriver } from './slack-driver.js';
import { api, connectOrg, type PlatformDriver } from './story.js';

/** One copy of the complaint centre card as the platform shows it now (its last update applied). */
export type CentreCopy = {
  /** `channel` (the after-sales channel) or `dm` (the after-sales manager's). */
  readonly where: string;
  readonly title: string;
  readonly status: string;
  readonly buttons: readonly { readonly actionId: string; readonly label: string; readonly value: string }[];
  /** What a click on it needs (the sandbox's message id, Slack's channel …). */
  readonly ref: string;
};

/**
 * The complaint intake as one platform does it: typing the line, answering its choice (a number, or Slack's select
 * menu), the centre card's copies, a click on one. Each is built on the platform's driver (its fake API).
 */
export interface ComplaintPlatform {
  readonly name: string;
  readonly driver: PlatformDriver;
  /** The after-sales channel's id on the platform. */
  readonly centreChannel: string;
  /** Gives the rep, the after-sales people and the admin user ids on the platform. */
  connect(t: TestApp, centre: Centre): Promise<void>;
  /** The member types `/投诉 …` (the text after the command's name). */
  complain(t: TestApp, memberId: string, text: string): Promise<void>;
  /** The member chooses the `index`-th (1-based) of the orders offered, order `number`. */
  choose(t: TestApp, memberId: string, index: number, number: string): Promise<void>;
  /** The texts of the bot's answers to the member so far, oldest first. */
  answers(t: TestApp, memberId: string): Promise<string[]>;
  centreCopies(t: TestApp, title: string): Promise<CentreCopy[]>;
  click(t: TestApp, memberId: string, copy: CentreCopy, button: CentreCopy['buttons'][number]): Promise<void>;
}

export function sandboxComplaints(): ComplaintPlatform {
  type Msg = {
    id: string;
    conversation: string;
    text?: string;
    fromMember?: string;
    card?: { title: string; status?: string; buttons: CentreCopy['buttons'] };
  };
  const messages = async (t: TestApp, member: string) =>
    (await t.request('GET', `/sandbox/api/messages?member=${member}`)).body as Msg[];
  let manager = '';
  const say = async (t: TestApp, member: string, text: string) => {
    const res = await t.request('POST', '/sandbox/api/commands', { member, text });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  };
  return {
    name: 'sandbox',
    driver: sandboxDriver(),
    centreChannel: 'C0AFTERSALES',
    async connect(_t, centre) {
      manager = centre.manager.id;
    },
    complain: (t, member, text) => say(t, member, `/投诉 ${text}`),
    choose: (t, member, index) => say(t, member, String(index)),
    answers: async (t, member) =>
      (await messages(t, member))
        .filter((m) => !m.card && !m.fromMember && m.conversation === `dm:${member}`)
        .map((m) => m.text ?? ''),
    async centreCopies(t, title) {
      // The manager sees the after-sales channel (he manages its team) and his DM.
      return (await messages(t, manager))
        .filter((m) => m.card?.title === title)
        .map((m) => ({
          where: m.conversation.startsWith('channel:') ? 'channel' : 'dm',
          title,
          status: m.card?.status ?? '',
          buttons: m.card?.buttons ?? [],
          ref: m.id,
        }));
    },
    async click(t, member, copy, button) {
      const click = { member, message: copy.ref, actionId: button.actionId, value: button.value };
      const res = await t.request('POST', '/sandbox/api/actions', click);
      // The sandbox only sends a click of a button still on its card: when the other click's assignment redrew the
      // card first, this one is refused as gone (a person would see the card without buttons).
      if (res.status !== 200) expect(res.body.error?.code).toBe('UNKNOWN_ACTION');
    },
  };
}

type SlackBlock = {
  type: string;
  text?: { text: string };
  elements?: {
    type: string;
    text?: string | { text: string };
    action_id?: string;
    value?: string;
    options?: { value: string; text: { text: string } }[];
  }[];
};

/** Slack: the line as the `/complaint` slash command in the east team's channel, the choice in its select menu. */
export function slackComplaints(): ComplaintPlatform {
  const driver = slackDriver();
  const SALES_CHANNEL = 'C0EASTSALES';
  const userIds = new Map<string, string>();
  const userOf = (memberId: string) => userIds.get(memberId) ?? '';
  const blocksOf = (params: Record<string, unknown>) => (params.blocks ?? []) as SlackBlock[];
  return {
    name: 'Slack',
    driver,
    centreChannel: 'C0AFTERSALES',
    async connect(t, centre) {
      // The driver scripts the first DM and post for the lead story's card; this story's posts go where Slack says.
      for (const method of ['conversations.open', 'chat.postMessage'])
        await fetch(`${driver.api().apiUrl}${method}`, { method: 'POST', body: '{}' });
      for (const [id, user] of await connectOrg(t, driver)) userIds.set(id, user);
      await linkAfterSales(t, 'slack', centre, (i) => `U0AS${i + 1}`, userIds);
    },
    complain: (t, member, text) => driver.slashCommand(t, userOf(member), SALES_CHANNEL, '/complaint', text),
    async choose(t, member, _index, number) {
      // The answer's select menu offers the customer's orders; choosing one is a block action with its value.
      const answer = driver.api().callsTo('response_url').at(-1);
      const select = blocksOf(answer?.params ?? {})
        .flatMap((b) => b.elements ?? [])
        .find((e) => e.type === 'static_select');
      expect(select?.options?.map((o) => o.value)).toContain(number);
      await driver.act(t, userOf(member), SALES_CHANNEL, {
        type: 'static_select',
        actionId: select?.action_id ?? '',
        value: number,
      });
    },
    // Every private answer (response_url) in order: the story's members act one after the other.
    answers: async () =>
      driver
        .api()
        .callsTo('response_url')
        .map((c) => String(c.params.text ?? '')),
    async centreCopies(_t, title) {
      const api = driver.api();
      const posts = api
        .callsTo('chat.postMessage')
        .filter((c) => blocksOf(c.params).some((b) => b.type === 'header' && b.text?.text === title));
      return posts.map((post) => {
        const channel = String(post.params.channel);
        // The copy as it is now: its last chat.update, else the post.
        const updates = api.callsTo('chat.update').filter((u) => u.params.channel === channel);
        const blocks = blocksOf((updates.at(-1) ?? post).params);
        const context = blocks.find((b) => b.type === 'context')?.elements?.[0]?.text;
        return {
          where: channel === 'C0AFTERSALES' ? 'channel' : 'dm',
          title,
          status: typeof context === 'string' ? context : '',
          buttons: blocks
            .filter((b) => b.type === 'actions')
            .flatMap((b) => b.elements ?? [])
            .filter((e) => e.type === 'button')
            .map((e) => ({
              actionId: String(e.action_id ?? '').replace(/#\d+$/, ''),
              label: typeof e.text === 'object' ? e.text.text : String(e.text ?? ''),
              value: e.value ?? '',
            })),
          ref: channel,
        };
      });
    },
    click: (t, member, copy, button) =>
      driver.act(t, userOf(member), copy.ref, {
        type: 'button',
        actionId: button.actionId,
        value: button.value,
      }),
  };
}

/** Gives the after-sales manager, the admin and the staff user ids on the platform (the reps get theirs from connectOrg). */
async function linkAfterSales(
  t: TestApp,
  platform: string,
  centre: Centre,
  userIdOf: (index: number) => string,
  into: Map<string, string>,
) {
  for (const [i, m] of [centre.manager, centre.admin, ...centre.staff].entries()) {
    const identities = [
      { platform: 'sandbox', userId: m.id },
      { platform, userId: userIdOf(i) },
    ];
    expect((await api(t, 'PUT', `/members/${m.id}/identities`, { identities })).status).toBe(200);
    into.set(m.id, userIdOf(i));
  }
}

/** DingTalk: the line typed to the robot in its 1:1 chat, the choice answered there, cards by the card API. */
export function dingtalkComplaints(): ComplaintPlatform {
  const driver = dingtalkDriver();
  const userIds = new Map<string, string>();
  const userOf = (memberId: string) => userIds.get(memberId) ?? '';
  const as = (memberId: string) => ({
    lead: { id: '', name: '', phone: '' },
    owner: { memberId, name: '', userId: userOf(memberId) },
  });
  type Call = {
    path: string;
    body?: Record<string, unknown> & { cardData?: { cardParamMap?: Record<string, string> } };
  };
  const params = (c: Call | undefined) => c?.body?.cardData?.cardParamMap ?? {};
  return {
    name: 'DingTalk',
    driver,
    centreChannel: 'cidAfterSales==',
    async connect(t, centre) {
      for (const [id, user] of await connectOrg(t, driver)) userIds.set(id, user);
      await linkAfterSales(t, 'dingtalk', centre, (i) => `aftersales0${i + 1}`, userIds);
    },
    complain: (t, member, text) => driver.say?.(t, as(member), `/投诉 ${text}`) ?? Promise.resolve(),
    choose: (t, member, index) => driver.say?.(t, as(member), String(index)) ?? Promise.resolve(),
    answers: async (_t, member) =>
      (driver.api().callsTo('/v1.0/robot/oToMessages/batchSend') as Call[])
        .filter((c) => (c.body?.userIds as string[] | undefined)?.includes(userOf(member)))
        .map((c) => (JSON.parse(String(c.body?.msgParam ?? '{}')) as { content?: string }).content ?? ''),
    async centreCopies(_t, title) {
      const api = driver.api();
      const posts = (api.callsTo('/v1.0/card/instances/createAndDeliver') as Call[]).filter(
        (c) => params(c).title === title,
      );
      return posts.map((post) => {
        const outTrackId = String(post.body?.outTrackId ?? '');
        const updates = (api.callsTo('/v1.0/card/instances') as Call[]).filter(
          (u) => u.body?.outTrackId === outTrackId,
        );
        const now = { ...params(post), ...params(updates.at(-1)) };
        const buttons = JSON.parse(now.buttons ?? '[]') as {
          actionId: string;
          label?: string;
          text?: string;
          value: string;
        }[];
        return {
          where: String(post.body?.openSpaceId ?? '').includes('IM_GROUP') ? 'channel' : 'dm',
          title,
          status: now.status ?? '',
          buttons:
            now.hasButtons === 'true'
              ? buttons.map((b) => ({ actionId: b.actionId, label: b.label ?? b.text ?? '', value: b.value }))
              : [],
          ref: JSON.stringify({ outTrackId, rev: now.rev ?? '' }),
        };
      });
    },
    click: (t, member, copy, button) =>
      driver.clickCard(t, userOf(member), JSON.parse(copy.ref), {
        actionId: button.actionId,
        value: button.value,
      }),
  };
}

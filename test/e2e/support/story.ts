import { expect, vi } from 'vitest';
import type { Platform } from '../../../src/core/org/types.js';
import type { TestApp, TestResponse } from '../../support/test-app.js';

/** The lead posted at intake and the rep who turns out to own it, as each platform knows them. */
export type Story = {
  readonly lead: { readonly id: string; readonly name: string; readonly phone: string };
  readonly owner: { readonly memberId: string; readonly name: string; readonly userId: string };
};

/**
 * One platform as the story sees it: its fake Web API, how a rep is named there, how a click is sent, and what
 * must have gone out. Each driver keeps what it learnt from the card it saw (channel/ts, outTrackId, task_id…).
 */
export interface PlatformDriver {
  /** Where the org moves to; undefined for the sandbox, where the demo org already lives. */
  readonly workspace?: {
    readonly platform: Platform;
    readonly workspaceId: string;
    readonly channelId: string;
  };
  /** Starts the fake platform API and the whole service with this platform enabled. */
  start(): Promise<TestApp>;
  /** The rep's user id on the platform; `index` is the rep's place in the team. */
  userIdFor(memberId: string, index: number): string;
  /** True once the platform has received the lead card. */
  hasCard(t: TestApp, story: Story): Promise<boolean>;
  /** Asserts every outbound call made so far: exactly the card, to the owner. */
  expectCard(t: TestApp, story: Story): Promise<void>;
  /** Sends the Claim click as the platform would (signed/encrypted) to the app's route. */
  clickClaim(t: TestApp, story: Story): Promise<void>;
  /** True once the platform has received the card update and the clicker's private answer. */
  hasUpdate(t: TestApp, story: Story): Promise<boolean>;
  /** Asserts the calls made since the card: the update of the same message, and the private answer. */
  expectUpdate(t: TestApp, story: Story): Promise<void>;
  /** Issue #12 (follow-up-entry.test.ts): clicks 记录跟进 on the owner's claimed card. */
  clickFollowUp(t: TestApp, story: Story): Promise<void>;
  /** The texts of the bot's answers to the owner (not cards), oldest first. */
  answers(t: TestApp, story: Story): Promise<string[]>;
  /** Where the platform has no forms: the owner types a plain message (or a command) to the bot. */
  say?(t: TestApp, story: Story, text: string): Promise<void>;
  /** Where it has (Slack): the form the click opened, filled in and submitted; the platform's HTTP answer. */
  submitForm?(t: TestApp, story: Story, values: FormValues): Promise<{ status: number; body: string }>;
  close(): Promise<void>;
}

/** A follow-up form's values by field id (chat/handlers/follow-up-form.ts). */
export type FormValues = Readonly<Record<string, string>>;

export const EAST_TEAM = '华东销售组';
/** What the owner's copy of the card says once claimed (zh-CN texts: status.claimed + followUpStatuses). */
export const claimedStatus = (owner: string) => `已被 ${owner} 领取 · 未跟进`;
export const assignedStatus = (owner: string) => `已分配给 ${owner}，待领取`;
/** texts.lead.claimed: the private answer to the clicker. */
export const CLAIMED_REPLY = '领取成功，客户联系方式已显示在卡片上。';
/** The owner's buttons before and after the claim. */
export const BUTTONS_ASSIGNED = ['lead.claim', 'lead.release', 'lead.why'];
export const BUTTONS_CLAIMED = ['lead.follow_up', 'lead.release', 'lead.why'];

/** A platform callback that hangs (a body parser ate the stream) fails the test here, not at the test timeout. */
export const CALLBACK_TIMEOUT_MS = 5_000;

export const api = (t: TestApp, method: string, path: string, body?: unknown): Promise<TestResponse> =>
  t.request(method, `/api/v1${path}`, body, { authorization: `Bearer ${t.token}` });

/**
 * Runs the outbox until `done`, letting the app's clock move on between runs: delivery paces per conversation
 * and an update waits for its card's post. Real time passes too, for work started after a platform's ack.
 */
export async function pumpUntil(t: TestApp, done: () => Promise<boolean>, what: string): Promise<void> {
  await vi.waitFor(
    async () => {
      await t.app.outboxPump.runNow();
      if (!(await done())) {
        t.app.clock.advance(1_000);
        throw new Error(`the platform has not received ${what}`);
      }
    },
    { timeout: 10_000, interval: 100 },
  );
}

/** Moves the demo org to the platform's workspace and gives 华东销售组's reps user ids there (keeping sandbox's). */
export async function connectOrg(t: TestApp, driver: PlatformDriver): Promise<Map<string, string>> {
  const members = (await api(t, 'GET', '/members')).body.members as {
    id: string;
    name: string;
    team: string | null;
    roles: string[];
  }[];
  const reps = members.filter((m) => m.team === EAST_TEAM && m.roles.includes('rep'));
  expect(reps.length).toBeGreaterThanOrEqual(2);
  const userIds = new Map(reps.map((m, i) => [m.id, driver.userIdFor(m.id, i)]));
  const where = driver.workspace;
  if (!where) return userIds;

  const chat = await api(t, 'PATCH', '/org/chat', {
    platform: where.platform,
    workspaceId: where.workspaceId,
  });
  expect(chat.status, JSON.stringify(chat.body)).toBe(200);
  expect(chat.body.org).toMatchObject({ platform: where.platform, workspaceId: where.workspaceId });
  for (const [memberId, userId] of userIds) {
    const identities = [
      { platform: 'sandbox', userId: memberId },
      { platform: where.platform, userId },
    ];
    const put = await api(t, 'PUT', `/members/${memberId}/identities`, { identities });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
  }
  const teams = (await api(t, 'GET', '/teams')).body.teams as { id: string; name: string }[];
  const east = teams.find((team) => team.name === EAST_TEAM);
  const patch = await api(t, 'PATCH', `/teams/${east?.id}`, { channelId: where.channelId });
  expect(patch.status, JSON.stringify(patch.body)).toBe(200);
  return userIds;
}

/** A 上海 lead over the HTTP API: the demo's rules give it to 华东销售组 by round robin. */
export async function intakeShanghaiLead(t: TestApp, userIds: Map<string, string>): Promise<Story> {
  const input = { name: '钱七', phone: '13912345678', region: '上海', source: 'api' };
  const res = await api(t, 'POST', '/leads', input);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const lead = res.body.lead;
  expect(lead).toMatchObject({ status: 'assigned', assignment: { strategy: 'round_robin' } });
  const userId = userIds.get(lead.ownerId);
  expect(userId, 'the owner is one of 华东销售组’s reps').toBeDefined();
  return {
    lead: { id: lead.id, name: input.name, phone: input.phone },
    owner: { memberId: lead.ownerId, name: lead.ownerName, userId: userId ?? '' },
  };
}

/** The click is handled after the platform's ack: wait for the stored lead to say who claimed it. */
export async function expectClaimedBy(t: TestApp, story: Story): Promise<void> {
  await vi.waitFor(
    async () => {
      const stored = await api(t, 'GET', `/leads/${story.lead.id}`);
      expect(stored.body.lead).toMatchObject({ status: 'claimed', ownerId: story.owner.memberId });
    },
    { timeout: 10_000, interval: 100 },
  );
  const stored = (await api(t, 'GET', `/leads/${story.lead.id}`)).body.lead;
  expect(stored.history.at(-1)).toMatchObject({ type: 'claimed', actorId: story.owner.memberId });
}

export const nowSeconds = (t: TestApp) => Math.floor(t.app.clock.now().getTime() / 1000);

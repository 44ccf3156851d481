import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import pino from 'pino';
import { type Mock, vi } from 'vitest';
import { type SlackAdapter, slackAdapter } from '../../../../src/adapters/slack/slack-adapter.js';
import { SLACK_EVENTS_PATH } from '../../../../src/adapters/slack/slack-receiver.js';
import { type SlackRoutes, slackRoutes } from '../../../../src/adapters/slack/slack-routes.js';
import type { SlackSettings } from '../../../../src/adapters/slack/slack-settings.js';
import { slackSignature } from '../../../../src/adapters/slack/verify-slack-signature.js';
import { type BackgroundWork, backgroundWork } from '../../../../src/chat/background-work.js';
import type { Card } from '../../../../src/chat/card.js';
import type { ChatEvent } from '../../../../src/chat/events.js';
import type { InboundEventLedger } from '../../../../src/chat/inbound-ports.js';
import { type ActionHandler, type CommandHandler, Registry } from '../../../../src/chat/registry.js';
import { fixedClock } from '../../../../src/core/shared/clock.js';
import { createHttpApp } from '../../../../src/http/create-http-app.js';
import {
  FakeMemberRepository,
  FakeOrgRepository,
  FakeTeamRepository,
  makeMember,
  makeOrg,
} from '../../../core/fakes.js';
import type { FakeSlackApi } from './fake-slack-api.js';
import { slackSettingsFor, TEST_SIGNING_SECRET } from './slack-settings-for.js';

/** A recorded payload from test/fixtures/slack. */
export const fixture = (name: string) =>
  JSON.parse(readFileSync(path.resolve('test/fixtures/slack', name), 'utf8')) as Record<string, unknown>;

export const leadCard: Card = {
  title: '线索 L-12',
  status: '待领取',
  fields: [{ label: '公司', value: '华东机械' }],
  buttons: [{ actionId: 'lead.claim', label: '领取', value: 'L-12', style: 'primary' }],
};
export const claimedCard: Card = { ...leadCard, status: '王芳 已领取', buttons: [] };
/** The line the real `/lead` gives for one open lead of the member, in its format (`ID` contact · company — status). */
export const openLeadLine = '`L-12` 张先生 · 华东机械 — 跟进中';

export type PostOptions = { headers?: Record<string, string>; timestamp?: string; secret?: string };

export type SlackHarness = {
  readonly baseUrl: string;
  readonly adapter: SlackAdapter;
  readonly routes: SlackRoutes;
  readonly clock: ReturnType<typeof fixedClock>;
  readonly log: { info: Mock; warn: Mock; error: Mock };
  /** The real ledger, its `begin` spied on: a retry shows up as a claim that is not `start`. */
  readonly inboundEvents: InboundEventLedger & { begin: Mock<InboundEventLedger['begin']> };
  /** The work listeners started after their ack. */
  readonly background: BackgroundWork;
  /** Wraps the real Registry's dispatch, so tests see every event and its result. */
  readonly dispatch: Mock<(event: ChatEvent) => ReturnType<Registry['dispatch']>>;
  readonly leadCommand: Mock<CommandHandler>;
  readonly claimAction: Mock<ActionHandler>;
  post(body: string, contentType: string, options?: PostOptions): Promise<Response>;
  postJson(body: unknown, options?: PostOptions): Promise<Response>;
  postForm(fields: Record<string, string>, options?: PostOptions): Promise<Response>;
  close(): Promise<void>;
};

/**
 * The whole Slack path in one process: real Koa app (createHttpApp, /slack/events kept raw), Bolt, the real Registry
 * over in-memory fakes, and the adapter talking to the fake Slack Web API.
 */
export async function startSlackHarness(
  api: FakeSlackApi,
  ledger: InboundEventLedger,
  overrides: Partial<SlackSettings> = {},
): Promise<SlackHarness> {
  const inboundEvents = { ...ledger, begin: vi.fn(ledger.begin) };
  const clock = fixedClock(new Date('2025-06-10T08:00:00Z'));
  const log = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
  const settings = slackSettingsFor(api.apiUrl, overrides);
  const adapter = slackAdapter(settings);
  const registry = new Registry({
    teams: new FakeTeamRepository(),
    orgs: new FakeOrgRepository([makeOrg({ chat: { platform: 'slack', workspaceId: 'T0LEADRLY' } })]),
    members: new FakeMemberRepository([
      makeMember('wang', { name: '王芳', identities: [{ platform: 'slack', userId: 'U0REPWANG' }] }),
    ]),
    log,
  });
  // Stands in for the real `/lead`, which needs the database: no argument lists my open leads, an id shows one.
  const leadCommand = vi.fn<CommandHandler>(async (_ctx, event) => ({
    replies: [event.args.length === 0 ? { text: openLeadLine } : { card: leadCard }],
  }));
  const claimAction = vi.fn<ActionHandler>(async (_ctx, event) => {
    // In the app the outbox redraws the card after a claim; the handler does it here to see chat.update.
    const target = { kind: 'channel', channelId: 'C0EASTSALES' } as const;
    await adapter.update('T0LEADRLY', target, event.messageRef ?? '', { card: claimedCard });
    return { replies: [{ text: '已领取 L-12' }] };
  });
  registry.onCommand('lead', leadCommand).onAction('lead.claim', claimAction);
  const dispatch = vi.fn((event: ChatEvent) => registry.dispatch(event));
  const background = backgroundWork((error) => log.error({ err: error }, 'background work failed'));
  const routes = slackRoutes(settings, {
    registry: { dispatch },
    inboundEvents,
    background,
    adapter,
    signatureClock: clock,
    log,
  });
  const http = createHttpApp({
    log: pino({ level: 'silent' }),
    bodyLimit: '1mb',
    routers: [routes.router],
    rawBodyPaths: [SLACK_EVENTS_PATH],
  });
  const server: Server = http.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  /** Signed as Slack would, at the injected clock's time unless told otherwise. */
  const post = (body: string, contentType: string, options: PostOptions = {}) => {
    const timestamp = options.timestamp ?? String(Math.floor(clock.now().getTime() / 1000));
    return fetch(`${baseUrl}${SLACK_EVENTS_PATH}`, {
      method: 'POST',
      headers: {
        'content-type': contentType,
        'x-slack-request-timestamp': timestamp,
        'x-slack-signature': slackSignature(options.secret ?? TEST_SIGNING_SECRET, timestamp, body),
        ...options.headers,
      },
      body,
    });
  };
  return {
    baseUrl,
    adapter,
    routes,
    clock,
    log,
    inboundEvents,
    background,
    dispatch,
    leadCommand,
    claimAction,
    post,
    postJson: (body, options) => post(JSON.stringify(body), 'application/json', options),
    postForm: (fields, options) =>
      post(new URLSearchParams(fields).toString(), 'application/x-www-form-urlencoded', options),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

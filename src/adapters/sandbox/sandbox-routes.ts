import { randomUUID } from 'node:crypto';
import Router from '@koa/router';
import { z } from 'zod';
import type { OutboundMessage } from '../../chat/card.js';
import { parseCommandText } from '../../chat/command-grammar.js';
import type { DispatchResult, Registry } from '../../chat/registry.js';
import { textsFor } from '../../chat/texts/texts-for.js';
import type { MemberRepository, OrgRepository, TeamRepository } from '../../core/org/ports.js';
import type { Member, Org, Team } from '../../core/org/types.js';
import type { AdjustableClock } from '../../core/shared/clock.js';
import { parseDuration } from '../../core/shared/duration.js';
import { DomainError } from '../../core/shared/errors.js';
import { memberId } from '../../core/shared/ids.js';
import { parseInput } from '../../core/shared/validate.js';
import { BOT_NAME } from './sandbox-adapter.js';
import { sandboxPage } from './sandbox-page.js';
import { dmConversation, type SandboxMessage, type SandboxStore } from './sandbox-store.js';
import { visibleConversations } from './sandbox-visibility.js';

export type SandboxRouteDeps = {
  readonly orgs: OrgRepository;
  readonly teams: TeamRepository;
  readonly members: MemberRepository;
  readonly store: SandboxStore;
  readonly registry: Registry;
  readonly clock: AdjustableClock;
  /** Runs every scheduled job once, in order (after the clock moves). */
  readonly runJobs: () => Promise<void>;
  /** Delivers what is in the outbox now, so an answer reflects the cards it changed. */
  readonly flushOutbox: () => Promise<void>;
};

const MessagesQuery = z.object({
  member: z.string().min(1),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});
const ActionBody = z.object({
  member: z.string().min(1),
  message: z.string().min(1),
  actionId: z.string().min(1),
  value: z.string().optional(),
  eventId: z.string().min(1).max(100).optional(),
});
const CommandBody = z.object({
  member: z.string().min(1),
  text: z.string().min(1).max(4000),
  conversation: z.string().min(1).optional(),
  eventId: z.string().min(1).max(100).optional(),
});
const ClockBody = z.object({
  advance: z.string().refine((v) => parseDuration(v) !== undefined, 'a duration such as 25h, 90m or 2d'),
});

/** The sandbox workspace: its page and the JSON API that tests, scripts and the page use. */
export function sandboxRoutes(deps: SandboxRouteDeps): Router {
  const router = new Router({ prefix: '/sandbox' });

  router.get('/', (ctx) => {
    ctx.type = 'html';
    ctx.body = sandboxPage();
  });

  router.get('/api/members', async (ctx) => {
    const org = await sandboxOrg(deps);
    const [members, teams] = await Promise.all([deps.members.list(org.id), deps.teams.list(org.id)]);
    const teamName = new Map(teams.map((t) => [t.id, t.name]));
    ctx.body = members.map((m) => ({
      id: m.id,
      name: m.name,
      roles: m.roles,
      team: m.teamId ? (teamName.get(m.teamId) ?? null) : null,
      level: m.level,
      availability: m.availability,
    }));
  });

  router.get('/api/messages', async (ctx) => {
    const query = parseInput(MessagesQuery, ctx.query);
    const { org, member, teams } = await memberContext(deps, query.member);
    const messages = await deps.store.list(org.id, visibleConversations(member, teams), query.limit);
    ctx.body = messages.map((m) => present(m, teams));
  });

  router.get('/api/conversations', async (ctx) => {
    const query = parseInput(MessagesQuery, ctx.query);
    const { member, teams } = await memberContext(deps, query.member);
    ctx.body = visibleConversations(member, teams).map((id) => ({ id, name: conversationName(id, teams) }));
  });

  router.post('/api/actions', async (ctx) => {
    const body = parseInput(ActionBody, ctx.request.body);
    const { org, member } = await memberContext(deps, body.member);
    const message = await deps.store.get(org.id, body.message);
    const button = message?.card?.buttons.find(
      (b) => b.actionId === body.actionId && (body.value === undefined || b.value === body.value),
    );
    if (!message || !button)
      throw new DomainError('UNKNOWN_ACTION', { message: body.message, actionId: body.actionId });
    const result = await deps.registry.dispatch({
      type: 'action',
      eventId: body.eventId ?? randomUUID(),
      user: { platform: 'sandbox', workspaceId: org.id, userId: member.id },
      actionId: button.actionId,
      value: button.value,
      messageRef: message.id,
    });
    ctx.body = await answer(deps, org, member, dmConversation(member.id), result);
  });

  router.post('/api/commands', async (ctx) => {
    const body = parseInput(CommandBody, ctx.request.body);
    const { org, member, teams } = await memberContext(deps, body.member);
    const conversation = body.conversation ?? dmConversation(member.id);
    if (!visibleConversations(member, teams).includes(conversation)) {
      throw new DomainError('VALIDATION_FAILED', {
        issues: [{ field: 'conversation', message: 'not a conversation this member is in' }],
      });
    }
    await deps.store.post(
      org.id,
      { conversation, from: { kind: 'member', memberId: member.id, name: member.name }, text: body.text },
      deps.clock.now(),
    );
    const parsed = parseCommandText(body.text);
    const result: DispatchResult = parsed
      ? await deps.registry.dispatch({
          type: 'command',
          eventId: body.eventId ?? randomUUID(),
          user: { platform: 'sandbox', workspaceId: org.id, userId: member.id },
          command: parsed.command,
          args: parsed.args,
          rawText: body.text,
        })
      : {
          ok: false,
          replies: [
            {
              text: textsFor(member.locale ?? org.settings.locale).errors.UNKNOWN_COMMAND({
                command: body.text.split(/\s+/u)[0],
              }),
            },
          ],
        };
    ctx.body = await answer(deps, org, member, conversation, result);
  });

  router.get('/api/clock', (ctx) => {
    ctx.body = { now: deps.clock.now().toISOString(), offsetMs: deps.clock.offsetMs() };
  });

  router.post('/api/clock', async (ctx) => {
    const body = parseInput(ClockBody, ctx.request.body);
    deps.clock.advance(parseDuration(body.advance) ?? 0);
    await deps.runJobs();
    ctx.body = { now: deps.clock.now().toISOString(), offsetMs: deps.clock.offsetMs() };
  });

  return router;
}

async function sandboxOrg(deps: SandboxRouteDeps): Promise<Org> {
  const [org] = await deps.orgs.listByPlatform('sandbox');
  if (!org) throw new DomainError('ORG_NOT_FOUND', { hint: 'no sandbox org: run `npm run seed`' });
  return org;
}

async function memberContext(
  deps: SandboxRouteDeps,
  id: string,
): Promise<{ org: Org; member: Member; teams: Team[] }> {
  const org = await sandboxOrg(deps);
  const member = await deps.members.get(org.id, memberId(id));
  if (!member) throw new DomainError('MEMBER_NOT_FOUND', { memberId: id });
  return { org, member, teams: await deps.teams.list(org.id) };
}

/** Shows the replies in the conversation (as a platform shows an ephemeral answer), flushes the outbox, answers. */
async function answer(
  deps: SandboxRouteDeps,
  org: Org,
  member: Member,
  conversation: string,
  result: DispatchResult,
) {
  for (const reply of result.replies) {
    await deps.store.post(
      org.id,
      { conversation, from: { kind: 'bot', name: BOT_NAME }, ...reply },
      deps.clock.now(),
    );
  }
  await deps.flushOutbox();
  return {
    ok: result.ok,
    replies: result.replies.map(presentReply),
    ...(result.duplicate ? { duplicate: true } : {}),
    memberId: member.id,
  };
}

function presentReply(reply: OutboundMessage) {
  return {
    ...(reply.text !== undefined ? { text: reply.text } : {}),
    ...(reply.card ? { card: reply.card } : {}),
  };
}

function present(message: SandboxMessage, teams: readonly Team[]) {
  const channel = message.conversation.startsWith('channel:')
    ? message.conversation.slice('channel:'.length)
    : undefined;
  return {
    id: message.id,
    conversation: message.conversation,
    conversationName: channel ? (teams.find((t) => t.channelId === channel)?.name ?? channel) : 'DM',
    ...(message.thread ? { thread: message.thread } : {}),
    from: message.from.name,
    ...(message.from.memberId ? { fromMember: message.from.memberId } : {}),
    text: message.text ?? '',
    ...(message.card ? { card: message.card } : {}),
    createdAt: message.createdAt.toISOString(),
    updatedAt: message.updatedAt.toISOString(),
  };
}

/** A channel is shown by its team's name; every DM is "DM". */
function conversationName(conversation: string, teams: readonly Team[]): string {
  if (!conversation.startsWith('channel:')) return 'DM';
  const channel = conversation.slice('channel:'.length);
  return teams.find((t) => t.channelId === channel)?.name ?? channel;
}

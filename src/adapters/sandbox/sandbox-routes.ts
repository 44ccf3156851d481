import { randomUUID } from 'node:crypto';
import Router from '@koa/router';
import { dispatchAndReply, type InboundDeps, type SendReply } from '../../chat/dispatch-and-reply.js';
import type { FileStore } from '../../chat/file-store.js';
import type { DispatchResult } from '../../chat/registry.js';
import type { MemberRepository, OrgRepository, TeamRepository } from '../../core/org/ports.js';
import type { Member, Org, Team } from '../../core/org/types.js';
import type { AdjustableClock } from '../../core/shared/clock.js';
import { parseDuration } from '../../core/shared/duration.js';
import { DomainError } from '../../core/shared/errors.js';
import { memberId } from '../../core/shared/ids.js';
import { parseInput } from '../../core/shared/validate.js';
import {
  ActionBody,
  ClockBody,
  CommandBody,
  MessagesQuery,
  sandboxActionEvent,
  sandboxMessageEvent,
} from './parse-sandbox-events.js';
import { conversationName, presentMembers, presentMessage, presentReply } from './render-sandbox-card.js';
import { BOT_NAME } from './sandbox-adapter.js';
import type { SandboxFileLinks } from './sandbox-file-links.js';
import { sandboxFileRoute } from './sandbox-file-route.js';
import { sandboxPage } from './sandbox-page.js';
import { dmConversation, type SandboxStore } from './sandbox-store.js';
import { visibleConversations } from './sandbox-visibility.js';

export type SandboxRouteDeps = InboundDeps & {
  readonly orgs: OrgRepository;
  readonly teams: TeamRepository;
  readonly members: MemberRepository;
  readonly store: SandboxStore;
  readonly clock: AdjustableClock;
  /** Runs every scheduled job once, in order (after the clock moves). */
  readonly runJobs: () => Promise<void>;
  /** Delivers what is in the outbox now, so an answer reflects the cards it changed. */
  readonly flushOutbox: () => Promise<void>;
  /** Where file messages' bytes are (exports), and the links that let the page download them. */
  readonly files?: FileStore;
  readonly fileLinks?: SandboxFileLinks;
  /** The key the file links are signed with, kept where a restart does not lose it (the database). */
  readonly fileLinkKey?: () => Promise<Uint8Array>;
};

/** The sandbox workspace: its page and the JSON API that tests, scripts and the page use. */
export function sandboxRoutes(deps: SandboxRouteDeps): Router {
  const router = new Router({ prefix: '/sandbox' });

  router.get('/', (ctx) => {
    ctx.type = 'html';
    ctx.body = sandboxPage();
  });

  if (deps.files && deps.fileLinks) {
    const { files, fileLinks } = deps;
    sandboxFileRoute(router, { files, links: fileLinks, clock: deps.clock, org: () => sandboxOrg(deps) });
  }

  router.get('/api/members', async (ctx) => {
    const org = await sandboxOrg(deps);
    const [members, teams] = await Promise.all([deps.members.list(org.id), deps.teams.list(org.id)]);
    ctx.body = presentMembers(members, teams);
  });

  router.get('/api/messages', async (ctx) => {
    const query = parseInput(MessagesQuery, ctx.query);
    const { org, member, teams } = await memberContext(deps, query.member);
    const messages = await deps.store.list(org.id, visibleConversations(member, teams), query.limit);
    ctx.body = messages.map((m) => presentMessage(m, teams));
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
    const actor = { workspaceId: org.id, userId: member.id, eventId: body.eventId ?? randomUUID() };
    const event = sandboxActionEvent(actor, button, message.id);
    const result = await dispatchAndReply(deps, event, postReply(deps, org, dmConversation(member.id)));
    ctx.body = await answer(deps, member, result);
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
    const actor = { workspaceId: org.id, userId: member.id, eventId: body.eventId ?? randomUUID() };
    const inGroup = conversation === dmConversation(member.id) ? undefined : conversation;
    const event = sandboxMessageEvent(actor, body.text, inGroup);
    const result = await dispatchAndReply(deps, event, postReply(deps, org, conversation));
    ctx.body = await answer(deps, member, result);
  });

  router.get('/api/clock', (ctx) => {
    ctx.body = { now: deps.clock.now().toISOString(), offsetMs: deps.clock.offsetMs() };
  });

  router.post('/api/clock', async (ctx) => {
    const body = parseInput(ClockBody, ctx.request.body);
    deps.clock.advance(parseDuration(body.advance) ?? 0);
    await deps.runJobs();
    // The jobs' notices were queued while they ran (their nudge started a delivery nobody waited for): deliver
    // them now, so the answer means "the cards this caused are there" and a script can read them at once.
    await deps.flushOutbox();
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

/** Shows a reply in the conversation, as a platform shows an ephemeral answer (once per key). */
function postReply(deps: SandboxRouteDeps, org: Org, conversation: string): SendReply {
  // A direct answer is never a file message: files go through the outbox to the member's DM.
  return ({ file: _file, ...reply }, idempotencyKey) =>
    deps.store.post(
      org.id,
      { conversation, from: { kind: 'bot', name: BOT_NAME }, ...reply, idempotencyKey },
      deps.clock.now(),
    );
}

/**
 * Flushes the outbox, then answers: when the answer arrives, the cards the click or command changed are in the
 * store (the platforms' equivalent arrives later through the outbox, here it is awaited).
 */
async function answer(deps: SandboxRouteDeps, member: Member, result: DispatchResult) {
  await deps.flushOutbox();
  return {
    ok: result.ok,
    replies: result.replies.map(presentReply),
    ...(result.duplicate ? { duplicate: true } : {}),
    memberId: member.id,
  };
}

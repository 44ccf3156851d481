import type { MemberRepository, TeamRepository } from '../../core/org/ports.js';
import { type Locale, localeOf, type Org } from '../../core/org/types.js';
import type { NoticeRecipient } from '../../core/shared/notices.js';
import type { PlatformTarget } from '../chat-adapter.js';
import type { OutboxStore } from './outbox-store.js';

export type ResolvedTarget =
  | { readonly ok: true; readonly target: PlatformTarget; readonly locale: Locale }
  | { readonly ok: false; readonly permanent: boolean; readonly reason: string };

export type ResolveDeps = {
  readonly teams: TeamRepository;
  readonly members: MemberRepository;
  readonly outbox: OutboxStore;
};

/** Turns "member X" or "team Y's channel" into an address on the org's platform, and picks the reader's language. */
export async function resolveTarget(
  deps: ResolveDeps,
  org: Org,
  to: NoticeRecipient,
): Promise<ResolvedTarget> {
  const platform = org.chat.platform;
  if (to.kind === 'member') {
    const member = await deps.members.get(org.id, to.memberId);
    const identity = member?.identities.find((i) => i.platform === platform);
    if (!member || !identity) {
      return { ok: false, permanent: true, reason: `member ${to.memberId} has no ${platform} identity` };
    }
    return { ok: true, target: { kind: 'dm', userId: identity.userId }, locale: localeOf(member, org) };
  }
  if (to.kind === 'directors') {
    return { ok: false, permanent: true, reason: 'directors are addressed one by one when published' };
  }
  const team = await deps.teams.get(org.id, to.teamId);
  if (!team) return { ok: false, permanent: true, reason: `team ${to.teamId} not found` };
  const channel = { kind: 'channel', channelId: team.channelId } as const;
  if (to.kind === 'team') return { ok: true, target: channel, locale: org.settings.locale };
  // A thread hangs under its root message: the card with the thread's key shown in this team's channel (the same
  // key may also have been shown in DMs). A root that is itself a reply names its thread, which is joined.
  const root = (await deps.outbox.findSent(org.id, to.threadKey)).find(
    (s) => s.target.kind !== 'dm' && s.target.channelId === team.channelId,
  );
  if (!root) {
    if (await deps.outbox.hasUndeliveredPost(org.id, to.threadKey)) {
      return { ok: false, permanent: false, reason: `thread root ${to.threadKey} not delivered yet` };
    }
    // Never shown in the channel (a lead assigned straight to a rep, or told in a summary): a top-level post.
    return { ok: true, target: channel, locale: org.settings.locale };
  }
  const threadRef = root.target.kind === 'thread' ? root.target.threadRef : root.messageRef;
  return {
    ok: true,
    target: { kind: 'thread', channelId: team.channelId, threadRef },
    locale: org.settings.locale,
  };
}

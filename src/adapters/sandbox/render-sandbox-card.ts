import type { OutboundMessage } from '../../chat/card.js';
import type { Member, Team } from '../../core/org/types.js';
import type { SandboxMessage } from './sandbox-store.js';

// The sandbox's rendering: a card is shown by the page as the chat model has it (no platform format to translate
// to), so rendering is presenting stored messages and replies as the API's JSON, with conversations named.

/** A reply as the API answers it: text and card only. */
export function presentReply(reply: OutboundMessage) {
  return {
    ...(reply.text !== undefined ? { text: reply.text } : {}),
    ...(reply.card ? { card: reply.card } : {}),
  };
}

export function presentMessage(message: SandboxMessage, teams: readonly Team[]) {
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
    ...(message.images ? { images: message.images } : {}),
    ...(message.file ? { file: message.file } : {}),
    createdAt: message.createdAt.toISOString(),
    updatedAt: message.updatedAt.toISOString(),
  };
}

/** A channel is shown by its team's name; every DM is "DM". */
export function conversationName(conversation: string, teams: readonly Team[]): string {
  if (!conversation.startsWith('channel:')) return 'DM';
  const channel = conversation.slice('channel:'.length);
  return teams.find((t) => t.channelId === channel)?.name ?? channel;
}

/** The member picker's list: who each member is and which team they are in, by name. */
export function presentMembers(members: readonly Member[], teams: readonly Team[]) {
  const teamOf = (m: Member) => teams.find((t) => t.id === m.teamId)?.name ?? null;
  return members.map((m) => {
    const { id, name, roles, level, availability } = m;
    return { id, name, roles, team: teamOf(m), level, availability };
  });
}

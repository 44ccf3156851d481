import type { MemberId, TeamId } from '../core/shared/ids.js';

/** Where a message lives, in platform-neutral terms. Adapters map these to channel ids, chat ids and so on. */
export type Conversation =
  | { readonly kind: 'dm'; readonly memberId: MemberId }
  | { readonly kind: 'channel'; readonly teamId: TeamId }
  | { readonly kind: 'thread'; readonly teamId: TeamId; readonly threadKey: string };

export function conversationKey(conversation: Conversation): string {
  switch (conversation.kind) {
    case 'dm':
      return `dm:${conversation.memberId}`;
    case 'channel':
      return `channel:${conversation.teamId}`;
    case 'thread':
      return `thread:${conversation.teamId}:${conversation.threadKey}`;
  }
}

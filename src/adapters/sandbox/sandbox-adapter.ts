import type { ChatAdapter, PlatformTarget } from '../../chat/chat-adapter.js';
import type { Clock } from '../../core/shared/clock.js';
import { channelConversation, dmConversation, type SandboxStore } from './sandbox-store.js';

export const BOT_NAME = 'Leadrelay';

/** The embedded chat platform: "sending" stores the message where the sandbox page and API read it. */
export function sandboxAdapter(store: SandboxStore, clock: Clock): ChatAdapter {
  return {
    platform: 'sandbox',
    // Local, so no platform limit; kept at zero so tests and the demo see messages at once.
    pacing: { perConversationMs: 0 },
    async send(workspaceId, target, message, idempotencyKey) {
      const posted = await store.post(
        workspaceId,
        {
          ...where(target),
          from: { kind: 'bot', name: BOT_NAME },
          ...(message.text !== undefined ? { text: message.text } : {}),
          ...(message.card ? { card: message.card } : {}),
          idempotencyKey,
        },
        clock.now(),
      );
      return { messageRef: posted.id };
    },
    async update(workspaceId, _target, messageRef, message) {
      const found = await store.update(
        workspaceId,
        messageRef,
        {
          ...(message.text !== undefined ? { text: message.text } : {}),
          ...(message.card ? { card: message.card } : {}),
        },
        clock.now(),
      );
      if (!found) throw new Error(`sandbox message ${messageRef} not found`);
    },
  };
}

function where(target: PlatformTarget): { conversation: string; thread?: string } {
  switch (target.kind) {
    case 'dm':
      return { conversation: dmConversation(target.userId) };
    case 'channel':
      return { conversation: channelConversation(target.channelId) };
    case 'thread':
      return { conversation: channelConversation(target.channelId), thread: target.threadRef };
  }
}

import type { Card, OutboundMessage } from '../../chat/card.js';
import type { ChatAdapter, PlatformMessage, PlatformTarget } from '../../chat/chat-adapter.js';
import type { Clock } from '../../core/shared/clock.js';
import type { SandboxFileLinks } from './sandbox-file-links.js';
import {
  channelConversation,
  dmConversation,
  type SandboxFile,
  type SandboxImage,
  type SandboxStore,
} from './sandbox-store.js';

export const BOT_NAME = 'Leadrelay';

/** The embedded chat platform: "sending" stores the message where the sandbox page and API read it. */
export function sandboxAdapter(store: SandboxStore, clock: Clock, links?: SandboxFileLinks): ChatAdapter {
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
          ...content(message),
          ...(await fileOf(message, links, clock)),
          idempotencyKey,
        },
        clock.now(),
      );
      return { messageRef: posted.id };
    },
    async update(workspaceId, _target, messageRef, message) {
      const found = await store.update(workspaceId, messageRef, content(message), clock.now());
      if (!found) throw new Error(`sandbox message ${messageRef} not found`);
    },
  };
}

/**
 * What the sandbox stores of a message. The card's images are its "upload": each PNG becomes a data URL kept beside
 * the card (the card is stored without them), so the page shows them inline with no route or file store.
 */
function content(message: OutboundMessage): { text?: string; card?: Card; images?: SandboxImage[] } {
  const images = message.card?.images;
  const card = message.card ? withoutImages(message.card) : undefined;
  return {
    ...(message.text !== undefined ? { text: message.text } : {}),
    ...(card ? { card } : {}),
    ...(images?.length
      ? {
          images: images.map((image) => ({
            src: `data:image/png;base64,${Buffer.from(image.png).toString('base64')}`,
            alt: image.alt,
            width: image.width,
            height: image.height,
          })),
        }
      : {}),
  };
}

/** A file message's "upload": a signed link to the file store (the bytes stay there, readable by any instance). */
async function fileOf(
  message: PlatformMessage,
  links: SandboxFileLinks | undefined,
  clock: Clock,
): Promise<{ file?: SandboxFile }> {
  if (!message.file) return {};
  if (!links) throw new Error('sandbox: a file message needs the file links (wire them with the file store)');
  return { file: { name: message.file.name, url: await links.linkFor(message.file.fileId, clock.now()) } };
}

function withoutImages(card: Card): Card {
  const { images: _, ...rest } = card;
  return rest;
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

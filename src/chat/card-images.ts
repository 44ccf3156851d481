import type { Card, CardImage, OutboundMessage } from './card.js';
import { TransientDeliveryError } from './chat-adapter.js';

/**
 * An image that could not be uploaded (network, the platform busy or refusing the file). Transient, so the outbox
 * retries the whole message with its backoff: adapters upload before they post, so nothing was shown yet and the
 * retry doubles nothing. On the entry's last attempt the outbox sends the card with the alt text in place
 * (`withAltText`), so the numbers always arrive.
 */
export class ImageUploadError extends TransientDeliveryError {
  constructor(message: string, retryAfterMs?: number) {
    super(message, retryAfterMs);
    this.name = 'ImageUploadError';
  }
}

export function imagesOf(message: OutboundMessage): readonly CardImage[] {
  return message.card?.images ?? [];
}

/** The card with each image replaced by its alt text, one line each after the markdown. */
export function cardWithAltText(card: Card): Card {
  if (!card.images?.length) return card;
  const { images, ...rest } = card;
  const alts = images.map((image) => image.alt);
  return { ...rest, markdown: [card.markdown, ...alts].filter(Boolean).join('\n\n') };
}

/** The message without images, their alt text standing in the card instead. */
export function withAltText<M extends OutboundMessage>(message: M): M {
  return message.card?.images?.length ? { ...message, card: cardWithAltText(message.card) } : message;
}

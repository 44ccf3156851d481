import type { MemberId } from '../core/shared/ids.js';

// The platform-neutral card: adapters translate it to Block Kit, DingTalk interactive cards or WeCom template cards.

export type ButtonStyle = 'primary' | 'danger' | 'default';

export type Button = {
  /** Routes the click to a handler in the registry, e.g. `lead.claim`. */
  readonly actionId: string;
  readonly label: string;
  /** Opaque to the platform; the handler parses it (usually an entity id). */
  readonly value: string;
  readonly style?: ButtonStyle;
};

export type CardField = { readonly label: string; readonly value: string };

export type Card = {
  readonly title: string;
  /** One line saying where things stand, shown first ("待领取", "Claimed by 王芳"). */
  readonly status?: string;
  readonly fields: readonly CardField[];
  /** Longer text in a small markdown subset: **bold**, line breaks, `code`. */
  readonly markdown?: string;
  readonly buttons: readonly Button[];
};

/** What the bot says: plain text, a card, or both. */
export type OutboundMessage = {
  readonly text?: string;
  readonly card?: Card;
  /**
   * Members to notify in a group message (an @-mention where the platform has one). Platform-neutral: the outbox
   * turns them into the platform's user ids (PlatformMessage.mentionUserIds) before the adapter sees the message.
   */
  readonly mentions?: readonly MemberId[];
};

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

/**
 * A picture shown with the card (a report chart). Drawn at delivery from the notice's data, never stored in the
 * outbox; each adapter uploads it its platform's way. `alt` carries the key numbers in the reader's language: it is
 * the picture's description, and it stands in the card in place of the picture when the upload cannot be done.
 */
export type CardImage = {
  readonly png: Uint8Array;
  readonly alt: string;
  readonly width: number;
  readonly height: number;
};

export type Card = {
  readonly title: string;
  /** One line saying where things stand, shown first ("待领取", "Claimed by 王芳"). */
  readonly status?: string;
  readonly fields: readonly CardField[];
  /** Longer text in a small markdown subset: **bold**, line breaks, `code`. */
  readonly markdown?: string;
  /** Shown after the markdown, in order (see CardImage). */
  readonly images?: readonly CardImage[];
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
  /**
   * A menu to choose one of (Slack's select menu: the choice comes back as an action with the option's value).
   * Only handlers answering a platform that draws one set it (the event's formTrigger says so); elsewhere the
   * same choices are numbered in the text.
   */
  readonly select?: Select;
  /**
   * A file sent as a file message (an export). Only its reference is rendered: the outbox loads the bytes from the
   * file store at delivery (PlatformMessage.attachment), so any instance can send it and nothing big is in a card.
   */
  readonly file?: FileRef;
};

/** A stored file (chat/file-store.ts) and how the reader sees it: its name (跟进记录-2026-11.csv) and type. */
export type FileRef = { readonly fileId: string; readonly name: string; readonly mime: string };

export type Select = {
  readonly actionId: string;
  readonly placeholder: string;
  readonly options: readonly { readonly value: string; readonly label: string }[];
};

/** One field of a form: a choice from a list, or text (one line or several). */
export type FormField =
  | {
      readonly kind: 'select';
      readonly id: string;
      readonly label: string;
      readonly options: readonly { readonly value: string; readonly label: string }[];
      readonly optional?: boolean;
      /** The option's value shown chosen when the form opens. */
      readonly initial?: string;
    }
  | {
      readonly kind: 'text';
      readonly id: string;
      readonly label: string;
      readonly multiline?: boolean;
      readonly placeholder?: string;
      readonly optional?: boolean;
      readonly initial?: string;
    };

/**
 * A form the bot asks a platform to open (a Slack modal). Platforms without forms never get one: a handler asks
 * for a form only when the event says the platform can open it (`formTrigger`), and answers in chat otherwise.
 * What is submitted comes back as a SubmitEvent with the same `id` and `meta`.
 */
export type Form = {
  readonly id: string;
  readonly title: string;
  readonly submitLabel: string;
  /** Carried through the platform and back (the lead's id): no state is kept while the form is open. */
  readonly meta: string;
  readonly fields: readonly FormField[];
};

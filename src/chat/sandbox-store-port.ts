import type { Card } from './card.js';

// The sandbox platform's message store as a port: the sandbox adapter uses it, storage implements it, so
// neither imports the other.

export type SandboxAuthor = {
  readonly kind: 'bot' | 'member';
  readonly memberId?: string;
  readonly name: string;
};

/** A card's image as the sandbox keeps it: the PNG as a data URL the page shows inline, and its alt text. */
export type SandboxImage = {
  readonly src: string;
  readonly alt: string;
  readonly width: number;
  readonly height: number;
};

/** A file message as the sandbox keeps it: the name shown and a signed, expiring link the page offers. */
export type SandboxFile = { readonly name: string; readonly url: string };

export type SandboxMessage = {
  readonly id: string;
  readonly conversation: string;
  readonly thread?: string;
  readonly from: SandboxAuthor;
  readonly text?: string;
  readonly card?: Card;
  readonly images?: readonly SandboxImage[];
  readonly file?: SandboxFile;
  readonly createdAt: Date;
  readonly updatedAt: Date;
};

export type NewSandboxMessage = {
  readonly conversation: string;
  readonly thread?: string;
  readonly from: SandboxAuthor;
  readonly text?: string;
  readonly card?: Card;
  readonly images?: readonly SandboxImage[];
  readonly file?: SandboxFile;
  readonly idempotencyKey?: string;
};

/** The sandbox platform's own message store: what a real platform keeps on its servers. */
export interface SandboxStore {
  /** Idempotent by `idempotencyKey`: posting the same key twice returns the first message. */
  post(workspaceId: string, message: NewSandboxMessage, at: Date): Promise<SandboxMessage>;
  update(
    workspaceId: string,
    messageId: string,
    content: { text?: string; card?: Card; images?: readonly SandboxImage[] },
    at: Date,
  ): Promise<boolean>;
  get(workspaceId: string, messageId: string): Promise<SandboxMessage | undefined>;
  /** Messages in these conversations (and threads under them), oldest first. */
  list(workspaceId: string, conversations: readonly string[], limit: number): Promise<SandboxMessage[]>;
}
